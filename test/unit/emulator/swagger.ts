import * as fs from 'fs';
import * as path from 'path';

/** The parts of a Swagger 2.0 file the conformance test reads. */
export interface SwaggerParameter {
  name: string;
  in: 'header' | 'path' | 'query' | 'body' | 'formData';
  required?: boolean;
  schema?: SwaggerSchema;
}

export interface SwaggerSchema {
  $ref?: string;
  type?: string;
  enum?: string[];
  properties?: Record<string, SwaggerSchema>;
}

export interface SwaggerOperation {
  file: string;
  basePath: string;
  /** As written in the file, without basePath. */
  path: string;
  method: string;
  parameters: SwaggerParameter[];
  responses: string[];
  /** The header that carries the subscription key (securityDefinitions, in: header). */
  keyHeader: string;
  /** The query alternative (securityDefinitions, in: query), if any. */
  keyQuery?: string;
  definitions: Record<string, SwaggerSchema>;
}

interface SwaggerFile {
  basePath?: string;
  securityDefinitions?: Record<string, { type: string; name: string; in: string }>;
  paths: Record<string, Record<string, { parameters?: SwaggerParameter[]; responses: Record<string, unknown> }>>;
  definitions?: Record<string, SwaggerSchema>;
}

/** shared/momo-openapi beside the repository, or MOMO_OPENAPI_DIR. Works from src and out/. */
export function openApiDir(): string {
  if (process.env.MOMO_OPENAPI_DIR) return process.env.MOMO_OPENAPI_DIR;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return path.resolve(dir, '..', 'shared', 'momo-openapi');
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function loadOperations(dir = openApiDir()): SwaggerOperation[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const operations: SwaggerOperation[] = [];
  for (const file of files) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as SwaggerFile;
    const security = Object.values(doc.securityDefinitions ?? {}).filter((s) => s.type === 'apiKey');
    const keyHeader = security.find((s) => s.in === 'header')?.name;
    if (!keyHeader) throw new Error(`${file}: no apiKey header in securityDefinitions`);
    for (const [opPath, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!HTTP_METHODS.includes(method)) continue;
        operations.push({
          file,
          basePath: doc.basePath ?? '',
          path: opPath,
          method: method.toUpperCase(),
          parameters: op.parameters ?? [],
          responses: Object.keys(op.responses),
          keyHeader,
          keyQuery: security.find((s) => s.in === 'query')?.name,
          definitions: doc.definitions ?? {},
        });
      }
    }
  }
  return operations;
}

/** The success status the Swagger documents (the lowest 2xx). */
export function successStatus(op: SwaggerOperation): number {
  const codes = op.responses.map(Number).filter((c) => c >= 200 && c < 300).sort((a, b) => a - b);
  if (codes.length === 0) throw new Error(`${op.method} ${op.path}: no 2xx response in ${op.file}`);
  return codes[0];
}

/** Example values by property name for request bodies; other strings get 'x'. */
const SAMPLE_VALUES: Record<string, unknown> = {
  providerCallbackHost: 'example.com',
  amount: '5',
  currency: 'EUR',
  externalId: '12345',
  partyIdType: 'MSISDN',
  partyId: '46733123456',
  payerMessage: 'Conformance test',
  payeeNote: 'Conformance test',
};

/** Builds a body from the schema's properties, following $ref into definitions. */
export function sampleFromSchema(schema: SwaggerSchema, definitions: Record<string, SwaggerSchema>, name = ''): unknown {
  if (schema.$ref) {
    const target = definitions[schema.$ref.replace('#/definitions/', '')];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return sampleFromSchema(target, definitions, name);
  }
  if (name in SAMPLE_VALUES) return SAMPLE_VALUES[name];
  if (schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [prop, propSchema] of Object.entries(schema.properties)) out[prop] = sampleFromSchema(propSchema, definitions, prop);
    return out;
  }
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  return 'x';
}
