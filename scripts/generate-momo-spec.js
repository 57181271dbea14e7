#!/usr/bin/env node
// Turns MTN's MoMo Open API Swagger 2.0 files into spec/momo-operations.json, the contract the
// emulator and its conformance tests follow. Run it again only when MTN publishes new files:
//
//   node scripts/generate-momo-spec.js <folder holding user.json, collection.json, ...>
//
// The Swagger files are the ones offered for download on momodeveloper.mtn.com (API Products →
// each product → "API definition", Swagger 2.0 JSON). They are not kept in this repository; the
// generated file is, with every $ref resolved, so nothing at build, test or run time needs them.
'use strict';

const fs = require('fs');
const path = require('path');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const OUTPUT = path.resolve(__dirname, '..', 'spec', 'momo-operations.json');

function resolveSchema(schema, definitions, seen = new Set()) {
  if (!schema || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    if (seen.has(name)) return { type: 'object' };
    const target = definitions[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolveSchema(target, definitions, new Set([...seen, name]));
  }
  const out = {};
  for (const key of ['type', 'format', 'enum']) if (schema[key] !== undefined) out[key] = schema[key];
  if (schema.properties) {
    out.properties = {};
    for (const [prop, sub] of Object.entries(schema.properties)) out.properties[prop] = resolveSchema(sub, definitions, seen);
  }
  if (schema.items) out.items = resolveSchema(schema.items, definitions, seen);
  return out;
}

function operationsOf(file, doc) {
  const definitions = doc.definitions || {};
  const security = Object.values(doc.securityDefinitions || {}).filter((s) => s.type === 'apiKey');
  const keyHeader = security.find((s) => s.in === 'header');
  if (!keyHeader) throw new Error(`${file}: no apiKey header in securityDefinitions`);
  const keyQuery = security.find((s) => s.in === 'query');
  const operations = [];
  for (const [opPath, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!HTTP_METHODS.includes(method)) continue;
      operations.push({
        file,
        basePath: doc.basePath || '',
        path: opPath,
        method: method.toUpperCase(),
        operationId: op.operationId,
        parameters: (op.parameters || []).map((p) => ({
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          ...(p.schema ? { schema: resolveSchema(p.schema, definitions) } : {}),
        })),
        responses: Object.keys(op.responses).sort(),
        keyHeader: keyHeader.name,
        ...(keyQuery ? { keyQuery: keyQuery.name } : {}),
      });
    }
  }
  return operations;
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/generate-momo-spec.js <folder with the MoMo Swagger 2.0 JSON files>');
    process.exit(2);
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no .json files in ${dir}`);
  const spec = { generatedBy: 'scripts/generate-momo-spec.js', files: {}, operations: [] };
  for (const file of files) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const reasons = doc.definitions && doc.definitions.ErrorReason;
    spec.files[file] = {
      title: doc.info && doc.info.title,
      version: doc.info && doc.info.version,
      basePath: doc.basePath || '',
      errorReasonCodes: (reasons && reasons.properties && reasons.properties.code && reasons.properties.code.enum) || [],
    };
    spec.operations.push(...operationsOf(file, doc));
  }
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, `${JSON.stringify(spec, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}: ${spec.operations.length} operations from ${files.length} files`);
}

main();
