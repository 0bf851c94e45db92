// The story's controls, generated from the element's documentation in custom-elements.json: one per attribute (a
// checkbox for a boolean, a select for an enumeration, the known values offered for text), one per CSS custom
// property and one per slot. A change reaches the element (and the log) when it is committed, not per keystroke.
import { html, nothing, type TemplateResult } from 'lit';
import type { AttributeDoc, ElementDoc } from './manifest.js';

export interface StoryValues {
  attributes: Record<string, string | boolean>;
  cssProperties: Record<string, string>;
  slots: Record<string, string>;
}

export type ControlGroup = keyof StoryValues;

/** Values a text attribute is known to take, offered beside free text (a Shell preset, a language). */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

export interface ControlsOptions {
  doc: ElementDoc;
  values: StoryValues;
  known: KnownValues;
  /** Attributes holding space-separated rule names → the rules to offer as checkboxes. */
  ruleLists: Readonly<Record<string, readonly string[]>>;
  /** Enumerated values that cannot be used here, with why (trm=Post needs the Node proxy). */
  unavailable: Readonly<Record<string, { value: string; why: string }>>;
  /** Whether the story's element holds other elements in its default slot (then it has no text to edit). */
  holdsElements: boolean;
  commit(group: ControlGroup, name: string, value: string | boolean): void;
}

const descriptionId = (id: string) => `${id}-description`;
/** The id of the control's description, when it has one. */
const describedBy = (id: string, description: string) => (description ? descriptionId(id) : nothing);

function described(id: string, description: string): TemplateResult | typeof nothing {
  return description ? html`<span id=${descriptionId(id)} class="hint">${description}</span>` : nothing;
}

function attributeControl(attribute: AttributeDoc, options: ControlsOptions): TemplateResult {
  const { name, control } = attribute;
  const id = `control-${name}`;
  const unavailable = options.unavailable[name];
  const description = [attribute.description, unavailable?.why].filter(Boolean).join(' ');
  const value = options.values.attributes[name] ?? '';
  const commitValue = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const committed = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    options.commit('attributes', name, committed);
  };
  const rules = options.ruleLists[name];
  if (rules) {
    const chosen = String(value).split(/\s+/).filter(Boolean);
    const commitRules = (event: Event) => {
      const boxes = (event.currentTarget as HTMLFieldSetElement).querySelectorAll<HTMLInputElement>('input:checked');
      options.commit('attributes', name, [...boxes].map((box) => box.value).join(' '));
    };
    return html`<fieldset
      id=${id}
      class="control rules"
      aria-describedby=${describedBy(id, description)}
      @change=${commitRules}
    >
      <legend><code>${name}</code></legend>
      ${rules.map(
        (rule) =>
          html`<label class="check"
            ><input type="checkbox" id=${`${id}-${rule}`} value=${rule} .checked=${chosen.includes(rule)} />
            ${rule}</label
          >`,
      )}
      ${described(id, description)}
    </fieldset>`;
  }
  if (control.kind === 'boolean') {
    return html`<div class="control">
      <label class="check" for=${id}
        ><input
          type="checkbox"
          id=${id}
          .checked=${value === true}
          aria-describedby=${describedBy(id, description)}
          @change=${commitValue}
        />
        <code>${name}</code></label
      >
      ${described(id, description)}
    </div>`;
  }
  if (control.kind === 'enum') {
    return html`<div class="control">
      <label for=${id}><code>${name}</code></label>
      <select id=${id} aria-describedby=${describedBy(id, description)} @change=${commitValue}>
        ${control.optional ? html`<option value="" .selected=${value === ''}>(not set)</option>` : nothing}
        ${control.values.map(
          (option) =>
            html`<option value=${option} .selected=${value === option} ?disabled=${unavailable?.value === option}>
              ${option}
            </option>`,
        )}
      </select>
      ${described(id, description)}
    </div>`;
  }
  const known = options.known[name];
  return html`<div class="control">
    <label for=${id}><code>${name}</code></label>
    <input
      id=${id}
      type=${control.kind === 'number' ? 'number' : 'text'}
      spellcheck="false"
      autocomplete="off"
      list=${known ? `${id}-known` : nothing}
      .value=${String(value)}
      aria-describedby=${describedBy(id, description)}
      @change=${commitValue}
    />
    ${known ? html`<datalist id=${`${id}-known`}>${known.map((item) => html`<option value=${item}></option>`)}</datalist>` : nothing}
    ${described(id, description)}
  </div>`;
}

function textControl(group: ControlGroup, id: string, name: string, description: string, options: ControlsOptions) {
  const value = (options.values[group] as Record<string, string>)[name] ?? '';
  return html`<div class="control">
    <label for=${id}><code>${name || 'default slot'}</code></label>
    <input
      id=${id}
      spellcheck="false"
      autocomplete="off"
      .value=${value}
      aria-describedby=${describedBy(id, description)}
      @change=${(event: Event) => options.commit(group, name, (event.target as HTMLInputElement).value)}
    />
    ${described(id, description)}
  </div>`;
}

/** The form of every control for the story's element. */
export function renderControls(options: ControlsOptions): TemplateResult {
  const { doc } = options;
  const slots = options.holdsElements ? doc.slots.filter((slot) => slot.name !== '') : doc.slots;
  return html`<form id="controls" class="controls" @submit=${(event: Event) => event.preventDefault()}>
    <fieldset>
      <legend>Attributes</legend>
      ${doc.attributes.map((attribute) => attributeControl(attribute, options))}
    </fieldset>
    ${
      slots.length
        ? html`<fieldset>
            <legend>Slots</legend>
            ${slots.map((slot) => textControl('slots', `slot-${slot.name || 'default'}`, slot.name, slot.description, options))}
          </fieldset>`
        : nothing
    }
    ${
      doc.cssProperties.length
        ? html`<fieldset>
            <legend>CSS custom properties</legend>
            ${doc.cssProperties.map((property) =>
              textControl('cssProperties', `css${property.name}`, property.name, property.description, options),
            )}
          </fieldset>`
        : nothing
    }
  </form>`;
}
