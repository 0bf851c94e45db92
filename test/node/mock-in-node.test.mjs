// The published package in Node, as a partner's backend tests would use it: the simulated platform behind
// msw/node, the kit's FetchProxy with its Node XML reader, every document checked against the official
// schemas. Runs against dist/ through the package's own exports (`npm run build` first).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import {
  decodeApplicationInfo,
  decodeAuthorizedRecords,
  decodePermissions,
  decodePersonInfo,
  FetchProxy,
  getApplicationInfoRequest,
  getAuthorizedRecordsRequest,
  getPersonInfoRequest,
  HvError,
  queryPermissionsRequest,
} from 'hv-elements';
import { createHandlers, createSimulator, DEMO_APP_ID, ThingType } from 'hv-elements/mock';
import { parseXmlWithoutDom } from 'hv-elements/transport/xml-reader';
import { schemasAvailable, validateAgainstSchema, xsdDir } from '../../scripts/lib/xsd.mjs';

const proxyUrl = 'https://partner.example/hv-proxy';

/** The `<wc:info>` of a response document as the simulator sent it (it declares its namespace on itself). */
function responseInfo(document) {
  const info = document.match(/<wc:info\b[\s\S]*<\/wc:info>/)?.[0];
  assert.ok(info, `no <wc:info> in:\n${document}`);
  return info;
}

async function expectValid(schema, xml) {
  if (!schemasAvailable()) {
    // Without the schemas this proves nothing: fail under CI, say so loudly elsewhere.
    assert.ok(!process.env.CI, `HealthVault schemas not found in ${xsdDir}: set HV_XSD_DIR`);
    console.warn(`!!! schemas not found in ${xsdDir}: ${schema} NOT checked (set HV_XSD_DIR)`);
    return;
  }
  const { valid, errors } = await validateAgainstSchema(schema, xml);
  assert.deepEqual(errors, [], `${schema}:\n${xml}`);
  assert.equal(valid, true);
}

describe('hv-elements/mock in Node, through the FetchProxy', () => {
  const simulator = createSimulator({ scenario: 'returning-user' });
  const server = setupServer(...createHandlers(simulator, { proxyUrl }));
  /** What went over the wire, per method: the request body and the response text. */
  const exchanges = new Map();
  const proxy = new FetchProxy(proxyUrl, {
    parseXml: parseXmlWithoutDom,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      exchanges.set(new URL(url).pathname.split('/').at(-1), {
        request: init.body,
        response: await response.clone().text(),
      });
      return response;
    },
  });
  const [person] = simulator.shell.people();

  before(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    await proxy.signIn({ wctoken: await simulator.shell.signIn(person.id, DEMO_APP_ID), instanceId: '1' });
  });
  after(() => server.close());

  /** Calls `method` through the proxy and checks both documents against the method's schemas. */
  async function callAndValidate(method, info, options) {
    const answer = await proxy.call(method, info, options);
    const { request, response } = exchanges.get(method);
    await expectValid(`method-${method.toLowerCase()}.xsd`, request);
    await expectValid(`response-${method.toLowerCase()}.xsd`, responseInfo(response));
    return answer;
  }

  it('answers GetPersonInfo for the signed-in person', async () => {
    const info = decodePersonInfo(await callAndValidate('GetPersonInfo', getPersonInfoRequest()));
    assert.equal(info.name, person.name);
    assert.ok(info.selectedRecordId, 'a returning user has a selected record');
  });

  it('answers GetAuthorizedRecords, QueryPermissions and GetApplicationInfo', async () => {
    const { selectedRecordId } = decodePersonInfo(await proxy.call('GetPersonInfo', getPersonInfoRequest()));
    const records = decodeAuthorizedRecords(
      await callAndValidate('GetAuthorizedRecords', getAuthorizedRecordsRequest([selectedRecordId])),
    );
    assert.deepEqual(
      records.map((record) => record.id),
      [selectedRecordId],
    );

    const permissions = decodePermissions(
      await callAndValidate('QueryPermissions', queryPermissionsRequest([ThingType.Medication]), {
        recordId: selectedRecordId,
      }),
    );
    assert.deepEqual(
      permissions.map((permission) => permission.thingTypeId),
      [ThingType.Medication],
    );

    const application = decodeApplicationInfo(await callAndValidate('GetApplicationInfo', getApplicationInfoRequest()));
    assert.equal(application.id, DEMO_APP_ID);
  });

  it('turns a platform error into an HvError of code "platform"', async () => {
    // QueryPermissions acts on a record, and none is named.
    await assert.rejects(proxy.call('QueryPermissions', queryPermissionsRequest([ThingType.Medication])), (error) => {
      assert.ok(error instanceof HvError, String(error));
      assert.equal(error.code, 'platform');
      return true;
    });
  });

  it('answers "signed-out" once the proxy holds no sign-in (HTTP 204, no content)', async () => {
    simulator.closeProxySession(DEMO_APP_ID);
    await assert.rejects(proxy.call('GetPersonInfo', getPersonInfoRequest()), (error) => {
      assert.ok(error instanceof HvError, String(error));
      assert.equal(error.code, 'signed-out');
      return true;
    });
  });
});
