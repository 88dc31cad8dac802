// removals.mjs OLD NEW: fails when NEW removes a field, argument, enum
// value or input field that OLD had not deprecated. kapgraph's policy is
// that removals go through @deprecated(reason:) in an earlier published
// version first; GraphQL Inspector (the CLI, run by
// scripts/schema-check.sh with its suppressRemovalOfDeprecatedField rule)
// judges every other change.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff, ChangeType } from '@graphql-inspector/core';

const [oldPath, newPath] = process.argv.slice(2);
if (!oldPath || !newPath) {
  console.error('usage: node removals.mjs OLD.graphql NEW.graphql');
  process.exit(2);
}
const load = (p) => buildSchema(readFileSync(p, 'utf8'));
const before = load(oldPath);
const after = load(newPath);

// Whether the thing at a change's path (Type.field, Type.field.arg,
// Enum.VALUE) was deprecated in the old schema.
function deprecatedBefore(path) {
  const [typeName, member, arg] = path.split('.');
  const type = before.getType(typeName);
  if (!type) return false;
  if (typeof type.getValues === 'function') {
    const v = type.getValues().find((x) => x.name === member);
    return Boolean(v && v.deprecationReason);
  }
  if (typeof type.getFields !== 'function') return false;
  const f = type.getFields()[member];
  if (!f) return false;
  if (arg) {
    const a = (f.args || []).find((x) => x.name === arg);
    return Boolean(a && a.deprecationReason);
  }
  return Boolean(f.deprecationReason);
}

const removals = new Set([
  ChangeType.FieldRemoved,
  ChangeType.FieldArgumentRemoved,
  ChangeType.EnumValueRemoved,
  ChangeType.InputFieldRemoved,
]);
const changes = await diff(before, after);
const bad = changes.filter((c) => removals.has(c.type) && c.path && !deprecatedBefore(c.path));
for (const c of bad) {
  console.error(`removed without deprecating it first: ${c.path} (${c.message})`);
}
console.error(`removals.mjs: ${changes.length} changes, ${bad.length} removals of undeprecated members`);
process.exit(bad.length ? 1 : 0);
