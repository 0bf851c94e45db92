// The walk-through's patient pick-up page (pickup.html): where a patient types the code the clinic handed them, for
// a connect request or a drop-off package; the Shell then returns to the clinic's site.
import { startWalkthroughPage } from './page.js';

const field = document.getElementById('code-entry')!;
const kinds = document.querySelectorAll<HTMLInputElement>('input[name="kind"]');
/** The field asks for the kind of code the patient says they have (chosen before this ran, or restored, too). */
const followKind = () => field.setAttribute('kind', [...kinds].find((choice) => choice.checked)?.value ?? 'connect');
for (const choice of kinds) choice.addEventListener('change', followKind);
followKind();

await startWalkthroughPage('pickup');
await import('../../src/cdn.js');
