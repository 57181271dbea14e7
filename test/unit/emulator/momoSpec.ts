import * as fs from 'fs';
import * as path from 'path';

/** One operation of the MoMo contract, as the conformance test reads it. */
export interface MomoParameter {
  name: string;
  in: 'header' | 'path' | 'query' | 'body' | 'formData';
  required?: boolean;
  schema?: MomoSchema;
}

export interface MomoSchema {
  type?: string;
  enum?: string[];
  properties?: Record<string, MomoSchema>;
}

export interface MomoOperation {
  file: string;
  basePath: string;
  /** As written in the file, without basePath. */
  path: string;
  method: string;
  parameters: MomoParameter[];
  responses: string[];
  /** The header that carries the subscription key. */
  keyHeader: string;
  /** The query-parameter alternative, if any. */
  keyQuery?: string;
}

interface MomoSpec {
  files: Record<string, { basePath: string; errorReasonCodes: string[] }>;
  operations: MomoOperation[];
}

/** spec/momo-operations.json, generated from MTN's Swagger files by scripts/generate-momo-spec.js. */
export function specPath(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return path.join(dir, 'spec', 'momo-operations.json');
}

function readSpec(file = specPath()): MomoSpec {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as MomoSpec;
}

/** Every operation of the contract; schemas arrive with their $refs already resolved. */
export function loadOperations(file = specPath()): MomoOperation[] {
  return readSpec(file).operations;
}

/** The reason codes MTN's ErrorReason lists, per Swagger file. */
export function errorReasonCodes(file = specPath()): Record<string, string[]> {
  const spec = readSpec(file);
  return Object.fromEntries(Object.entries(spec.files).map(([name, f]) => [name, f.errorReasonCodes]));
}

/** The success status the Swagger documents (the lowest 2xx). */
export function successStatus(op: MomoOperation): number {
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

/** Builds a body from the schema's properties (the contract has its $refs resolved). */
export function sampleFromSchema(schema: MomoSchema, name = ''): unknown {
  if (name in SAMPLE_VALUES) return SAMPLE_VALUES[name];
  if (schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [prop, propSchema] of Object.entries(schema.properties)) out[prop] = sampleFromSchema(propSchema, prop);
    return out;
  }
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  return 'x';
}
