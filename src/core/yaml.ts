/**
 * YAML parsing with the `yaml` package loaded on first use. Most commands read their data from
 * the compiled cache (`dist/data-cache/`) and never parse YAML; importing the parser anyway cost
 * every command about 40 ms of CPU at start (issue 17). Same package, same options, same values.
 */
import { createRequire } from 'node:module';
import type { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

/** The options `yaml`'s `parse` takes. */
export type YamlParseOptions = ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions;

let parser: ((text: string, options?: YamlParseOptions) => unknown) | undefined;

/** `yaml`'s `parse(text, options)`: the same value, the same errors. */
export function parseYaml(text: string, options?: YamlParseOptions): unknown {
  parser ??= (createRequire(import.meta.url)('yaml') as { parse: (text: string, options?: YamlParseOptions) => unknown }).parse;
  return parser(text, options);
}
