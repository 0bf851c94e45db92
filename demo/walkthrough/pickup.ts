// The walk-through's patient pick-up page (pickup.html): where a patient types the code the clinic handed them, for
// a connect request or a drop-off package; the Shell then returns to the clinic's site.
import { startWalkthroughPage } from './page.js';

await startWalkthroughPage('pickup');
const field = document.getElementById('code-entry')!;
for (const choice of document.querySelectorAll<HTMLInputElement>('input[name="kind"]')) {
  choice.addEventListener('change', () => field.setAttribute('kind', choice.value));
}
await import('../../src/cdn.js');
