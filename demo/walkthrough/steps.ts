// The walk-through's steps, in the order the story is told, and the navigation between them on every page of it.
import { html, render } from 'lit';

interface Step {
  page: string;
  title: string;
}

/** The story: a person connects on the clinic's site; a patient without one connects through the staff desk. */
export const STEPS: readonly Step[] = [
  { page: 'walkthrough.html', title: "The clinic's site" },
  { page: 'staff.html', title: 'The staff desk' },
  { page: 'pickup.html', title: "The patient's pick-up page" },
];

/** Renders the steps into `container`, the page showing now marked as such, with a link to the next one. */
export function renderSteps(container: HTMLElement): void {
  const here = STEPS.findIndex((step) => location.pathname.endsWith(`/${step.page}`));
  const next = STEPS[here + 1];
  render(
    html`<ol class="steps">
        ${STEPS.map(
          (step, index) =>
            html`<li>
              <a href=${`./${step.page}`} aria-current=${index === here ? 'step' : 'false'}>${step.title}</a>
            </li>`,
        )}
      </ol>
      <p>
        ${next ? html`Next: <a href=${`./${next.page}`}>${next.title}</a>. ` : ''}
        <a href="./index.html">Back to the showcase</a> to try each element on its own.
      </p>`,
    container,
  );
}
