// What the showcase knows of each element, read from custom-elements.json (generated from the elements' JSDoc): its
// description, attributes with the kind of control each needs, events, slots and CSS custom properties.
import manifest from '../../custom-elements.json';

/** How an attribute is edited: a checkbox, a select of its values, a number, or text. */
export type AttributeKind =
  { kind: 'boolean' } | { kind: 'enum'; values: string[]; optional: boolean } | { kind: 'number' } | { kind: 'text' };

export interface AttributeDoc {
  name: string;
  description: string;
  /** The default as the manifest writes it (`'redirect'`, `60`, `false`), if any. */
  default?: string;
  control: AttributeKind;
}

export interface NamedDoc {
  name: string;
  description: string;
}

export interface ElementDoc {
  tagName: string;
  description: string;
  attributes: AttributeDoc[];
  events: NamedDoc[];
  slots: NamedDoc[];
  cssProperties: NamedDoc[];
}

interface ManifestMember {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}

interface ManifestDeclaration {
  tagName?: string;
  description?: string;
  attributes?: ManifestMember[];
  events?: ManifestMember[];
  slots?: ManifestMember[];
  cssProperties?: ManifestMember[];
}

/** The control an attribute of type `type` (TypeScript, as the manifest writes it) needs. */
export function controlFor(type = 'string'): AttributeKind {
  const alternatives = type.split('|').map((part) => part.trim());
  const optional = alternatives.includes('undefined');
  const rest = alternatives.filter((part) => part !== 'undefined');
  if (rest.length === 1 && rest[0] === 'boolean') return { kind: 'boolean' };
  if (rest.length === 1 && rest[0] === 'number') return { kind: 'number' };
  if (rest.length > 0 && rest.every((part) => /^'[^']*'$/.test(part))) {
    return { kind: 'enum', values: rest.map((part) => part.slice(1, -1)), optional };
  }
  return { kind: 'text' };
}

const named = (members: ManifestMember[] = []): NamedDoc[] =>
  members.map(({ name, description = '' }) => ({ name, description }));

/** Every element of the kit, by tag name. */
export const ELEMENT_DOCS: ReadonlyMap<string, ElementDoc> = new Map(
  (manifest.modules as { declarations?: ManifestDeclaration[] }[])
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration): declaration is ManifestDeclaration & { tagName: string } => !!declaration.tagName)
    .map((declaration) => [
      declaration.tagName,
      {
        tagName: declaration.tagName,
        description: declaration.description ?? '',
        attributes: (declaration.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          ...(attribute.default === undefined ? {} : { default: attribute.default }),
          control: controlFor(attribute.type?.text),
        })),
        events: named(declaration.events),
        slots: named(declaration.slots),
        cssProperties: named(declaration.cssProperties),
      },
    ]),
);

/** The element `tagName`'s documentation; throws for a tag the manifest does not know (a story naming a typo). */
export function elementDoc(tagName: string): ElementDoc {
  const doc = ELEMENT_DOCS.get(tagName);
  if (!doc) throw new Error(`custom-elements.json has no <${tagName}>: run npm run manifest`);
  return doc;
}

/** Every event name any element fires, for the event log. */
export const ALL_EVENT_NAMES: ReadonlySet<string> = new Set(
  [...ELEMENT_DOCS.values()].flatMap((doc) => doc.events.map((event) => event.name)),
);
