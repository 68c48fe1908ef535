import { z } from 'zod';
import { OPERATIONS, type Operation } from './operations';
import { PROBLEMS, problemType, type ProblemStatus } from './problem';
import { API_RATE_LIMIT_DOC } from './limits';

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client must send it. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete generated.$schema;
  return generated;
}

/** The form's schema as the API's body: without what the path and If-Match give; all optional for a partial update. */
function bodySchema(op: Operation): JsonSchema {
  const schema = jsonSchema(op.body!);
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  for (const name of op.bodyFromRequest ?? []) delete properties[name];
  const required = ((schema.required as string[] | undefined) ?? []).filter((name) => name in properties);
  delete schema.required;
  return { ...schema, properties, ...(op.partialBody || required.length === 0 ? {} : { required }) };
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: 'A URI reference naming the kind of problem.' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      description: 'For 422: one entry per invalid field (a dotted path such as "suspects.0.arrestedOn").',
      items: { type: 'object', required: ['field', 'code', 'message'], properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const problemResponse = (status: ProblemStatus) => ({
  description: `${PROBLEMS[status].title} (type \`${problemType(status)}\`).`,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds until the window resets.', schema: { type: 'integer' } } } } : {}),
});

function operationObject(op: Operation) {
  const parameters: JsonSchema[] = [];
  for (const [name, schema] of Object.entries(op.pathParams ?? {})) parameters.push({ name, in: 'path', required: true, schema: jsonSchema(schema) });
  for (const [name, schema] of Object.entries(op.query?.shape ?? {})) parameters.push({ name, in: 'query', required: false, schema: jsonSchema(schema as z.ZodType) });
  if (op.ifMatch) parameters.push({ name: 'If-Match', in: 'header', required: true, description: 'The record\'s version, as its ETag gave it ("3").', schema: { type: 'string' } });
  if (op.operationId === 'createInvestigation') {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'A UUID; a retry with the same key returns the case it made.', schema: { type: 'string', format: 'uuid' } });
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, `Who may: ${op.roles}.`].filter(Boolean).join('\n\n'),
    tags: [op.tag],
    ...(op.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.operationId}Body` } } } } } : {}),
    responses: {
      [String(op.success.status)]: { description: op.success.description, content: { 'application/json': { schema: { type: 'object' } } } },
      ...Object.fromEntries(op.errors.map((s) => [String(s), problemResponse(s)])),
    },
  };
}

/** The OpenAPI 3.1 document of /api/v1, built from the route registry and the forms' zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const bodies = Object.fromEntries(OPERATIONS.filter((op: Operation) => op.body).map((op) => [`${op.operationId}Body`, bodySchema(op)]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'CPU case records API',
      version: '1.0.0',
      description: [
        'Read and record investigations, suspects, arrests, victims, prosecutions and the yearly figures, with exactly the role and case scope of the token\'s owner.',
        'Authenticate with a personal access token (My account → API tokens): `Authorization: Bearer <token>`. Cookies are not accepted.',
        API_RATE_LIMIT_DOC(),
        'Every error is an RFC 9457 problem details object (`application/problem+json`). A case outside your scope answers 404, exactly like one that does not exist.',
      ].join('\n\n'),
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token (cpu_…).' } },
      schemas: { Problem: problemSchema, ...bodies },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
