// The parameter schema's building blocks. One table of these specs drives validation of
// scenario files and links, the sliders (label, unit, range, step), the docs and aria-valuetext.

export interface NumberSpec {
  kind: 'number';
  label: string;
  /** Unit shown beside values ("MiB", "µs", "%", ...); empty when unitless. */
  unit: string;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  default: number;
  description: string;
}

export interface EnumSpec<T extends string = string> {
  kind: 'enum';
  label: string;
  options: readonly T[];
  default: T;
  description: string;
}

export interface BooleanSpec {
  kind: 'boolean';
  label: string;
  default: boolean;
  description: string;
}

export interface StringSpec {
  kind: 'string';
  label: string;
  pattern: RegExp;
  /** Words for the pattern, used in messages ("1-24 letters, digits, - or _"). */
  patternText: string;
  default: string;
  description: string;
}

export type ParamSpec = NumberSpec | EnumSpec | BooleanSpec | StringSpec;
export type SpecTable = Readonly<Record<string, ParamSpec>>;

/** The value type a spec admits: a number, one of the enum's options, a boolean or a string. */
export type ValueOf<S extends ParamSpec> = S extends NumberSpec
  ? number
  : S extends EnumSpec<infer T>
    ? T
    : S extends BooleanSpec
      ? boolean
      : string;

/** The config object a table describes: one typed value per key. Config types are derived
 * from the tables this way, so a key or an option cannot be in one and missing from the other. */
export type ConfigOf<T extends SpecTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };

export function num(
  label: string,
  unit: string,
  min: number,
  max: number,
  dflt: number,
  description: string,
  opts: { step?: number; integer?: boolean } = {},
): NumberSpec {
  const integer = opts.integer ?? true;
  return { kind: 'number', label, unit, min, max, step: opts.step ?? 1, integer, default: dflt, description };
}

export function oneOf<T extends string>(label: string, options: readonly T[], dflt: T, description: string): EnumSpec<T> {
  return { kind: 'enum', label, options, default: dflt, description };
}

export function flag(label: string, dflt: boolean, description: string): BooleanSpec {
  return { kind: 'boolean', label, default: dflt, description };
}

/** Formats a value with its unit, for messages and aria-valuetext ("1024 MiB"). */
export function formatValue(spec: NumberSpec, value: number): string {
  return spec.unit ? `${value} ${spec.unit}` : String(value);
}

/** "allowed 16 to 65536 MiB" or "allowed: off, zero, all". */
export function allowedText(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return `allowed ${spec.min} to ${formatValue(spec, spec.max)}${spec.integer ? ', whole numbers' : ''}`;
    case 'enum':
      return `allowed: ${spec.options.join(', ')}`;
    case 'boolean':
      return 'allowed: true or false';
    case 'string':
      return `allowed: ${spec.patternText}`;
  }
}
