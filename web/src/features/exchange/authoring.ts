/**
 * The object editor's form, as data: for each STIX type it offers, the properties shown as
 * fields and how each is typed. Anything else goes in the editor's "other properties" JSON.
 * Labels come from `object.editor.fields.<label>` in the exchange strings.
 */

export type FieldKind =
  'text' | 'textarea' | 'pattern' | 'timestamp' | 'list' | 'refs' | 'boolean' | 'number' | 'select';

export interface FieldDef {
  /** The STIX property; `hashes.SHA-256` is a key of the `hashes` dictionary. */
  key: string;
  kind: FieldKind;
  /** The translation key of the label (property names may hold characters i18next splits on). */
  label: string;
  required?: boolean;
  options?: readonly string[];
  /** A new object starts with the current time in this field. */
  now?: boolean;
}

const f = (key: string, kind: FieldKind, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  kind,
  label: key,
  ...extra,
});

const name = f('name', 'text', { required: true });
const description = f('description', 'textarea');
const refs = f('object_refs', 'refs', { required: true });
const value = f('value', 'text', { required: true });

export const editorTypes: Readonly<Record<string, readonly FieldDef[]>> = {
  indicator: [
    name,
    description,
    f('pattern', 'pattern', { required: true }),
    f('valid_from', 'timestamp', { required: true, now: true }),
    f('valid_until', 'timestamp'),
    f('indicator_types', 'list'),
  ],
  malware: [name, description, f('is_family', 'boolean'), f('malware_types', 'list')],
  vulnerability: [name, description],
  report: [
    name,
    description,
    f('published', 'timestamp', { required: true, now: true }),
    f('report_types', 'list'),
    refs,
  ],
  note: [f('abstract', 'text'), f('content', 'textarea', { required: true }), refs],
  opinion: [
    f('opinion', 'select', {
      required: true,
      options: ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'],
    }),
    f('explanation', 'textarea'),
    refs,
  ],
  identity: [
    name,
    f('identity_class', 'select', {
      options: ['organization', 'group', 'individual', 'system', 'class', 'unknown'],
    }),
    description,
    f('contact_information', 'textarea'),
  ],
  incident: [name, description],
  grouping: [f('name', 'text'), description, f('context', 'text', { required: true }), refs],
  relationship: [
    f('relationship_type', 'text', { required: true }),
    f('source_ref', 'text', { required: true }),
    f('target_ref', 'text', { required: true }),
    description,
  ],
  'ipv4-addr': [value],
  'ipv6-addr': [value],
  'domain-name': [value],
  url: [value],
  'email-addr': [value],
  'autonomous-system': [f('number', 'number', { required: true }), f('name', 'text')],
  file: [
    f('name', 'text'),
    f('hashes.SHA-256', 'text', { label: 'sha256' }),
    f('hashes.SHA-1', 'text', { label: 'sha1' }),
    f('hashes.MD5', 'text', { label: 'md5' }),
  ],
};

export const editorTypeList = Object.keys(editorTypes);

/** Properties the instance sets; never shown in the editor. */
export const instanceProperties = new Set([
  'type',
  'id',
  'spec_version',
  'created',
  'modified',
  'created_by_ref',
  'object_marking_refs',
]);

export type FieldValues = Record<string, string | boolean>;

/** The form's text of a property's value. */
function fieldText(def: FieldDef, v: unknown): string | boolean {
  if (def.kind === 'boolean') return v === true;
  if (v === undefined || v === null) return '';
  const texts = (list: unknown[]) =>
    list.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (def.kind === 'list' && Array.isArray(v)) return texts(v).join(', ');
  if (def.kind === 'refs' && Array.isArray(v)) return texts(v).join('\n');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function read(object: Record<string, unknown>, key: string): unknown {
  const [head, ...rest] = key.split('.');
  const v = object[head!];
  if (rest.length === 0) return v;
  return v && typeof v === 'object' ? (v as Record<string, unknown>)[rest.join('.')] : undefined;
}

/** A stored object as the editor's fields and the JSON of its other properties. */
export function toForm(
  type: string,
  object: Record<string, unknown>,
): { values: FieldValues; other: string } {
  const defs = editorTypes[type] ?? [];
  const values: FieldValues = {};
  for (const def of defs) values[def.key] = fieldText(def, read(object, def.key));
  const shown = new Set(defs.map((d) => d.key.split('.')[0]!));
  const other: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) {
    if (instanceProperties.has(key) || key === 'pattern_type') continue;
    if (shown.has(key)) {
      // A dictionary partly shown (file hashes): the keys not shown stay in the JSON.
      if (key === 'hashes' && v && typeof v === 'object') {
        const rest = Object.fromEntries(
          Object.entries(v).filter(([k]) => !defs.some((d) => d.key === `hashes.${k}`)),
        );
        if (Object.keys(rest).length > 0) other.hashes = rest;
      }
      continue;
    }
    other[key] = v;
  }
  return { values, other: Object.keys(other).length > 0 ? JSON.stringify(other, null, 2) : '' };
}

/** Fresh fields for a new object of the type (timestamps that start now filled in). */
export function emptyForm(type: string, now: Date): FieldValues {
  const values: FieldValues = {};
  for (const def of editorTypes[type] ?? [])
    values[def.key] = def.kind === 'boolean' ? false : def.now ? now.toISOString() : '';
  return values;
}

export type Built =
  | { ok: true; properties: Record<string, unknown> }
  | { ok: false; field: string; problem: 'required' | 'json' | 'number' };

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/** The properties to send: the fields typed, the other JSON merged (fields win). */
export function fromForm(type: string, values: FieldValues, other: string): Built {
  let extra: Record<string, unknown> = {};
  if (other.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(other);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return { ok: false, field: 'other', problem: 'json' };
      extra = parsed as Record<string, unknown>;
    } catch {
      return { ok: false, field: 'other', problem: 'json' };
    }
  }
  const properties: Record<string, unknown> = { ...extra };
  if (type === 'indicator') properties.pattern_type = 'stix';
  for (const def of editorTypes[type] ?? []) {
    const raw = values[def.key];
    if (def.kind === 'boolean') {
      properties[def.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (def.required) return { ok: false, field: def.key, problem: 'required' };
      continue;
    }
    let v: unknown = text;
    if (def.kind === 'list') v = splitList(text, /[,\n]/);
    else if (def.kind === 'refs') v = splitList(text, /[\s,]+/);
    else if (def.kind === 'number') {
      v = Number(text);
      if (!Number.isFinite(v)) return { ok: false, field: def.key, problem: 'number' };
    }
    const [head, ...rest] = def.key.split('.');
    if (rest.length > 0) {
      const dict = (properties[head!] as Record<string, unknown> | undefined) ?? {};
      properties[head!] = { ...dict, [rest.join('.')]: v };
    } else properties[def.key] = v;
  }
  // A CVE named as such gets the reference other tools look it up by.
  if (
    type === 'vulnerability' &&
    typeof properties.name === 'string' &&
    /^CVE-\d{4}-\d{4,}$/i.test(properties.name) &&
    properties.external_references === undefined
  )
    properties.external_references = [
      { source_name: 'cve', external_id: properties.name.toUpperCase() },
    ];
  return { ok: true, properties };
}
