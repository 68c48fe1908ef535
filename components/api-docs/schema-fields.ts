type JsonSchema = Record<string, unknown>;

export type FieldRow = { name: string; type: string; required: boolean; rules: string };

/** A readable type for a JSON Schema ("string (date)", "one of: a, b", "array of object"). */
export function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  if (Array.isArray(schema.enum)) return `one of: ${(schema.enum as unknown[]).join(', ')}`;
  if (Array.isArray(schema.anyOf)) {
    const parts = (schema.anyOf as JsonSchema[]).map(typeOf);
    return [...new Set(parts)].join(' | ');
  }
  if (schema.type === 'array') return `array of ${typeOf(schema.items as JsonSchema | undefined)}`;
  if (typeof schema.type === 'string') return schema.format ? `${schema.type} (${String(schema.format)})` : schema.type;
  return 'any';
}

/** Length, range and pattern rules, in short. */
export function rulesOf(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  const all = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [schema];
  const rules: string[] = [];
  for (const s of all) {
    if (typeof s.minLength === 'number' && s.minLength > 0) rules.push(`≥ ${s.minLength} chars`);
    if (typeof s.maxLength === 'number') rules.push(`≤ ${s.maxLength} chars`);
    if (typeof s.minimum === 'number') rules.push(`≥ ${s.minimum}`);
    if (typeof s.maximum === 'number' && s.maximum < Number.MAX_SAFE_INTEGER) rules.push(`≤ ${s.maximum}`);
    if (typeof s.minItems === 'number' && s.minItems > 0) rules.push(`≥ ${s.minItems} items`);
    if (typeof s.maxItems === 'number') rules.push(`≤ ${s.maxItems} items`);
    if (typeof s.pattern === 'string' && s.format === undefined) rules.push(`pattern ${s.pattern}`);
  }
  return [...new Set(rules)].join(', ');
}

/** The fields of an object schema, nested objects and arrays of objects flattened to dotted paths. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const row = { name: path, type: typeOf(field), required: required.has(name), rules: rulesOf(field) };
    const items = field.type === 'array' ? (field.items as JsonSchema | undefined) : undefined;
    if (items?.type === 'object') return [row, ...fieldRows(items, `${path}[]`)];
    return [row];
  });
}
