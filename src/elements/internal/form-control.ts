import type { PropertyDeclarations } from 'lit';
import type { HvElement } from './hv-element.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern needs a constructor of any arguments
type HvElementClass = abstract new (...args: any[]) => HvElement;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
type AnyArguments = any[];

/** What a form control built on {@link FormControl} says about its value: why it is invalid, or undefined. */
export interface FormControlCheck {
  /** Undefined when the value is valid; else what is wrong, in the person's words. */
  problem?: string;
  /** The value the form submits (`new FormData(form)`), which may be the typed text put in canonical form. */
  formValue: string;
}

/**
 * What {@link FormControl} adds to an element, as a type (declaration files cannot name the mixin's class).
 *
 * @cssState invalid - The value cannot be used, and the person has changed it or tried to submit.
 */
export declare abstract class FormControlMembers {
  static formAssociated: boolean;
  name?: string;
  value: string;
  required: boolean;
  disabled: boolean;
  get isDisabled(): boolean;
  get form(): HTMLFormElement | null;
  get validity(): ValidityState;
  get validationMessage(): string;
  checkValidity(): boolean;
  reportValidity(): boolean;
  formDisabledCallback(disabled: boolean): void;
  formResetCallback(): void;
  formStateRestoreCallback(state: string | File | FormData | null): void;
  protected touched: boolean;
  protected touch(): void;
  protected abstract check(): FormControlCheck;
  protected abstract focusTarget(): HTMLElement | null | undefined;
}

/**
 * Makes an hv- element a form control, through ElementInternals, as native ones are: `name`, `value` (the `value`
 * attribute is its default, which a form reset restores), `required`, `disabled` (its own, or its fieldset's),
 * validity (`checkValidity()`, `reportValidity()`, `validationMessage`) and the `invalid` custom state once the person
 * has changed the value or tried to submit. The element says what is wrong through `check()`, and gives
 * `focusTarget()`, the native control a browser points at when the form cannot be submitted.
 */
export function FormControl<Base extends HvElementClass>(
  base: Base,
): Base & (abstract new (...args: AnyArguments) => FormControlMembers) {
  abstract class FormControlElement extends base {
    static formAssociated = true;

    static properties: PropertyDeclarations = {
      name: { reflect: true },
      value: {},
      required: { type: Boolean, reflect: true },
      disabled: { type: Boolean, reflect: true },
    };

    /** The name of the value in the form's data. */
    declare name?: string;

    /** What is in the field (the `value` attribute is what a form reset restores). */
    value = '';

    /** The form cannot be submitted while the field is empty. */
    required = false;

    /** Neither editable nor submitted (as when its `<fieldset>` is disabled). */
    disabled = false;

    /** Disabled by an ancestor `<fieldset disabled>`. */
    #disabledByForm = false;
    /** The person has changed the value or tried to submit: from then on an invalid value shows as such. */
    protected touched = false;

    /** Why the current value is invalid (empty while `required` included), and what the form submits. */
    protected abstract check(): FormControlCheck;

    /** The native control inside, where focus goes and where the browser shows a validation message. */
    protected abstract focusTarget(): HTMLElement | null | undefined;

    /** The element is disabled, by itself or by its fieldset. */
    get isDisabled(): boolean {
      return this.disabled || this.#disabledByForm;
    }

    get form(): HTMLFormElement | null {
      return this.internals.form;
    }

    get validity(): ValidityState {
      return this.internals.validity;
    }

    get validationMessage(): string {
      return this.internals.validationMessage;
    }

    checkValidity(): boolean {
      return this.internals.checkValidity();
    }

    /** Shows the problem, as a native control does when its form is submitted. */
    reportValidity(): boolean {
      this.touch();
      return this.internals.reportValidity();
    }

    /** From now on an invalid value shows as invalid (the person changed it, or tried to submit). */
    protected touch(): void {
      this.touched = true;
      this.requestUpdate();
    }

    formDisabledCallback(disabled: boolean): void {
      this.#disabledByForm = disabled;
      this.requestUpdate();
    }

    formResetCallback(): void {
      this.value = this.getAttribute('value') ?? '';
      this.touched = false;
    }

    formStateRestoreCallback(state: string | File | FormData | null): void {
      if (typeof state === 'string') this.value = state;
    }

    override connectedCallback(): void {
      super.connectedCallback();
      // A form's submit checks every control: after that, invalid ones show as such.
      this.addEventListener('invalid', () => this.touch());
    }

    protected override updated(changed: Map<PropertyKey, unknown>): void {
      super.updated(changed);
      const { problem, formValue } = this.check();
      const missing = this.required && !this.value.trim();
      const anchor = this.focusTarget() ?? undefined;
      this.internals.setFormValue(this.isDisabled ? null : formValue, this.value);
      if (problem) {
        this.internals.setValidity({ valueMissing: missing, customError: !missing }, problem, anchor);
      } else {
        this.internals.setValidity({});
      }
      this.toggleState('invalid', this.touched && !this.internals.validity.valid);
    }
  }
  return FormControlElement as unknown as Base & (abstract new (...args: AnyArguments) => FormControlMembers);
}
