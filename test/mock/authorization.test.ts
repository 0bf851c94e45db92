import { expect } from '@open-wc/testing';
import {
  authAction,
  effectivePermissions,
  grantFor,
  snapshotRule,
  supportsRecordLocation,
} from '../../src/mock/authorization.js';
import { DEMO_APP_ID, ThingType, buildScenario } from '../../src/mock/scenarios.js';
import type { RecordAccess, SimAuthorization } from '../../src/mock/state.js';

const NOW = Date.UTC(2026, 10, 22);
const app = () => structuredClone(buildScenario('new-user', { now: NOW }).applications[DEMO_APP_ID]!);
const custodian: RecordAccess = { recordId: 'r', relType: 1, relName: 'Self', custodian: true };
const viewer: RecordAccess = { ...custodian, custodian: false };

function authorization(granted = grantFor(app(), undefined, {}), expiresAt: number | null = null): SimAuthorization {
  return { personId: 'p', appId: DEMO_APP_ID, recordId: 'r', granted, createdAt: NOW - 1000, expiresAt };
}

describe('authorization rules', () => {
  describe('authAction', () => {
    const grownRule = () => {
      const changed = app();
      changed.rules[0]!.thingTypeIds.push(ThingType.Condition);
      return changed;
    };
    const morePermissions = () => {
      const changed = app();
      changed.rules[0]!.permissions.push('Update');
      return changed;
    };
    const newRequiredRule = () => {
      const changed = app();
      changed.rules.push({ ...changed.rules[0]!, name: 'conditions', thingTypeIds: [ThingType.Condition] });
      return changed;
    };
    const shrunkRule = () => {
      const changed = app();
      changed.rules[0]!.thingTypeIds = [ThingType.Medication];
      return changed;
    };
    const cases: [
      what: string,
      application: ReturnType<typeof app>,
      auth: SimAuthorization | undefined,
      access: RecordAccess,
      expected: string,
    ][] = [
      ['never authorized', app(), undefined, custodian, 'AuthorizationRequired'],
      ['authorized with every required rule', app(), authorization(), custodian, 'NoActionRequired'],
      ['authorized, viewed by someone else', app(), authorization(), viewer, 'NoActionRequired'],
      ['a required rule gained a type', grownRule(), authorization(), custodian, 'ReauthorizationRequired'],
      ['a required rule gained a permission', morePermissions(), authorization(), custodian, 'ReauthorizationRequired'],
      ['a required rule was added', newRequiredRule(), authorization(), custodian, 'ReauthorizationRequired'],
      [
        'a required rule gained a type, person is no custodian',
        grownRule(),
        authorization(),
        viewer,
        'ReauthorizationNotPossible',
      ],
      ['a required rule lost a type', shrunkRule(), authorization(), custodian, 'NoActionRequired'],
      ['the authorization lapsed', app(), authorization(undefined, NOW), custodian, 'AuthorizationRequired'],
      ['the authorization lapses later', app(), authorization(undefined, NOW + 1), custodian, 'NoActionRequired'],
    ];
    for (const [what, application, auth, access, expected] of cases) {
      it(`${what}: ${expected}`, () => {
        expect(authAction(application, auth, access, NOW)).to.equal(expected);
      });
    }

    it('an optional rule changing needs no reauthorization', () => {
      const changed = app();
      changed.rules[1]!.thingTypeIds.push(ThingType.Height);
      expect(authAction(changed, authorization(grantFor(app(), undefined, { weight: true })), custodian, NOW)).to.equal(
        'NoActionRequired',
      );
    });
  });

  describe('record locations', () => {
    const ontario = { country: 'CA', stateProvince: 'ON' };
    const quebec = { country: 'CA', stateProvince: 'QC' };
    const everywhere = () => {
      const changed = app();
      delete changed.supportedRecordLocations;
      return changed;
    };
    const ontarioOnly = () => ({ ...app(), supportedRecordLocations: [{ country: 'ca', stateProvince: 'on' }] });

    it('the demo application supports US records, of any state, and records of unknown location', () => {
      expect(app().supportedRecordLocations).to.deep.equal([{ country: 'US' }]);
      expect(supportsRecordLocation(app(), { country: 'US', stateProvince: 'WA' })).to.equal(true);
      expect(supportsRecordLocation(app(), undefined)).to.equal(true);
      expect(supportsRecordLocation(app(), ontario)).to.equal(false);
    });

    it('a location naming a province covers that province only, in any letter case', () => {
      expect(supportsRecordLocation(ontarioOnly(), ontario)).to.equal(true);
      expect(supportsRecordLocation(ontarioOnly(), quebec)).to.equal(false);
      expect(supportsRecordLocation(ontarioOnly(), { country: 'CA' })).to.equal(false);
    });

    it('an application that declares no locations supports every one', () => {
      expect(supportsRecordLocation(everywhere(), ontario)).to.equal(true);
      expect(authAction(everywhere(), authorization(), custodian, NOW, ontario)).to.equal('NoActionRequired');
    });

    it('an unsupported location is RecordLocationNotSupported, authorized or not, and gives no permission', () => {
      expect(authAction(app(), authorization(), custodian, NOW, ontario)).to.equal('RecordLocationNotSupported');
      expect(authAction(app(), undefined, custodian, NOW, ontario)).to.equal('RecordLocationNotSupported');
      expect(authAction(app(), authorization(), custodian, NOW, { country: 'US' })).to.equal('NoActionRequired');
      expect(effectivePermissions(app(), authorization(), NOW, ontario).size).to.equal(0);
      expect(effectivePermissions(app(), authorization(), NOW, { country: 'US' }).size).to.equal(2);
    });
  });

  describe('grantFor', () => {
    it('grants every required rule and the optional rules chosen, keeping earlier choices not offered again', () => {
      const first = authorization(grantFor(app(), undefined, { weight: true, 'offline-sync': true }));
      expect(first.granted.map((r) => r.name)).to.deep.equal(['health-summary', 'weight', 'offline-sync']);
      const second = grantFor(app(), first, { weight: false, 'blood-pressure': true });
      expect(second.map((r) => r.name)).to.deep.equal(['health-summary', 'blood-pressure', 'offline-sync']);
    });

    it('snapshots rules, so the application changing them later does not change the grant', () => {
      const rule = app().rules[0]!;
      const granted = snapshotRule(rule);
      rule.thingTypeIds.push(ThingType.Height);
      expect(granted.thingTypeIds).to.deep.equal([ThingType.Medication, ThingType.Allergy]);
    });
  });

  describe('effectivePermissions', () => {
    it('unions rules per thing type and scope, in CRUD order', () => {
      const permissions = effectivePermissions(
        app(),
        authorization(grantFor(app(), undefined, { weight: true, 'offline-sync': true })),
        NOW,
      );
      expect(Object.fromEntries(permissions)).to.deep.equal({
        [ThingType.Medication]: { online: ['Read'], offline: ['Create', 'Read', 'Update'] },
        [ThingType.Allergy]: { online: ['Read'], offline: ['Create', 'Read', 'Update'] },
        [ThingType.Weight]: { online: ['Create', 'Read'], offline: [] },
      });
    });

    it('drops rules the application no longer has and what it no longer asks for', () => {
      const changed = app();
      changed.rules = changed.rules.filter((r) => r.name !== 'weight');
      changed.rules[0]!.permissions = [];
      const permissions = effectivePermissions(
        changed,
        authorization(grantFor(app(), undefined, { weight: true })),
        NOW,
      );
      expect(Object.fromEntries(permissions)).to.deep.equal({});
    });

    it('gives nothing once the authorization lapsed', () => {
      expect(effectivePermissions(app(), authorization(undefined, NOW), NOW).size).to.equal(0);
    });
  });
});
