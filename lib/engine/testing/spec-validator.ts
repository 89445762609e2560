// Checks engine responses against the orchestrator's own schemas (extracted
// from its OpenAPI spec into spec/orchestrator-schemas.json), with ajv in
// strict mode so a schema keyword we do not understand fails loudly.
import Ajv2020 from "ajv/dist/2020";
import { SPEC_FORMATS } from "../spec-schema";
import schemas from "../spec/orchestrator-schemas.json";

// The spec's formats as the engine reads them; "date-span" left unchecked here,
// where only responses are judged.
const ajv = new Ajv2020({
  strict: true,
  allErrors: true,
  formats: { ...SPEC_FORMATS, "date-span": true },
});
ajv.addSchema(schemas);

export type SchemaName = keyof typeof schemas.$defs;

/** Returns readable errors ("/steps/0/status must be equal to one of …"), empty when valid. */
export function specErrors(name: SchemaName, data: unknown): string[] {
  const validate = ajv.getSchema(`${schemas.$id}#/$defs/${name}`);
  if (!validate) throw new Error(`no schema ${name} in the fixture`);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"} ${JSON.stringify(e.params)}`,
  );
}

function conforms<T>(name: SchemaName, data: unknown): data is T {
  return specErrors(name, data).length === 0;
}

/** Validates `data` against the named spec schema and returns it typed, or throws with every error. */
export function parseSpec<T>(name: SchemaName, data: unknown): T {
  if (conforms<T>(name, data)) return data;
  throw new Error(
    `response does not match the spec's ${name}:\n${specErrors(name, data).join("\n")}`,
  );
}
