import { expect } from '@open-wc/testing';
import type { ApplicationInfo, AuthRule } from '../../../src/core/platform/methods/get-application-info.js';
import {
  checkedWhenOffered,
  DisplayFlag,
  offeredUnasked,
  optionalRuleNames,
  requestedRules,
  ruleGranted,
} from '../../../src/core/platform/optional-rules.js';

const LAB = '5800eab5-a8c2-482a-a4d6-f1db25ae08c3';
const WEIGHT = '3d34d87e-7fc1-4153-800f-f56592cb0d17';

function rule(name: string, optional: boolean, extra: Partial<AuthRule> = {}): AuthRule {
  return {
    name,
    optional,
    incremental: false,
    reasons: [],
    displayFlags: 0,
    permissions: ['Read'],
    typeIds: [LAB],
    exceptionTypeIds: [],
    ...extra,
  };
}

const app = {
  onlineRules: [rule('summary', false), rule('weight', true, { typeIds: [WEIGHT], permissions: ['Read', 'Create'] })],
  offlineRules: [rule('lab-results', true)],
} as unknown as ApplicationInfo;

describe('optional rules', () => {
  it('finds named rules with their scope, and says which names are unknown or required', () => {
    const found = requestedRules(app, ['lab-results', 'weight', 'summary', 'nope', 'weight']);
    expect(found.rules.map(({ rule, scope }) => `${rule.name}:${scope}`)).to.deep.equal([
      'lab-results:offline',
      'weight:online',
    ]);
    expect(found.unknown).to.deep.equal(['nope']);
    expect(found.required).to.deep.equal(['summary']);
    // Rule names are the application's own spelling: another letter case is another name.
    expect(requestedRules(app, ['Weight']).unknown).to.deep.equal(['Weight']);
    expect(optionalRuleNames(app)).to.deep.equal(['weight', 'lab-results']);
  });

  it('offers and checks rules as the display flags say, first time or later', () => {
    const flags = (displayFlags: number) => ({ displayFlags });
    const { DisplayFirstTime, CheckedFirstTime, CheckedDefault } = DisplayFlag;
    expect([true, false].map((first) => offeredUnasked(flags(DisplayFirstTime), first))).to.deep.equal([true, false]);
    expect([true, false].map((first) => checkedWhenOffered(flags(CheckedFirstTime), first))).to.deep.equal([
      true,
      false,
    ]);
    expect([true, false].map((first) => checkedWhenOffered(flags(CheckedDefault), first))).to.deep.equal([true, true]);
    expect(checkedWhenOffered(flags(DisplayFirstTime), true)).to.equal(false);
  });

  it('counts a rule granted only when every type allows every permission it asks for, in its scope', () => {
    const [weight] = requestedRules(app, ['weight']).rules;
    const [lab] = requestedRules(app, ['lab-results']).rules;
    const weightGrant = (online: string[], offline: string[] = []) => [
      { thingTypeId: WEIGHT.toUpperCase(), online, offline },
    ];
    expect(ruleGranted(weight!, weightGrant(['Read', 'Create']) as never)).to.equal(true);
    expect(ruleGranted(weight!, weightGrant(['All']) as never)).to.equal(true);
    expect(ruleGranted(weight!, weightGrant(['Read']) as never)).to.equal(false);
    // Offline access is a grant of its own: online access does not make an offline rule granted.
    expect(ruleGranted(weight!, weightGrant([], ['Read', 'Create']) as never)).to.equal(false);
    expect(ruleGranted(lab!, [{ thingTypeId: LAB, online: ['Read'], offline: [] }])).to.equal(false);
    expect(ruleGranted(lab!, [{ thingTypeId: LAB, online: [], offline: ['Read'] }])).to.equal(true);
    expect(ruleGranted(lab!, [])).to.equal(false);
  });
});
