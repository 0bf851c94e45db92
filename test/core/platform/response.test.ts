import { expect } from '@open-wc/testing';
import { HvError } from '../../../src/core/errors.js';
import { decodeResponse, PlatformError } from '../../../src/core/platform/platform-error.js';
import { parseBoolean, parseDateTime, parseEnum, parseInteger } from '../../../src/core/platform/response.js';
import { parseXmlWithDom } from '../../../src/transport/dom-xml.js';
import { thrown } from './fixtures.js';

const decode = (xml: string) => decodeResponse('GetPersonInfo', parseXmlWithDom(xml));

describe('decodeResponse', () => {
  it('returns the info of a successful response, its prefix dropped', () => {
    const info = decode(
      '<response><status><code>0</code></status>' +
        '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.response.GetPersonInfo"><person-info/></wc:info></response>',
    );
    expect(info?.name).to.equal('info');
    expect(info?.children.map((c) => c.name)).to.deep.equal(['person-info']);
  });

  it('returns undefined for a successful response without info', () => {
    expect(decode('<response><status><code>0</code></status></response>')).to.equal(undefined);
  });

  it('reads any spelling of zero as success', () => {
    expect(decode('<response><status><code> -00 </code></status></response>')).to.equal(undefined);
  });

  it('turns a non-zero status into a PlatformError carrying the platform message', () => {
    const error = thrown(() =>
      decode(
        '<response><status><code>11</code><error><message>Access denied &amp; logged</message>' +
          '<context><server-name>hv1</server-name></context></error></status></response>',
      ),
    ) as PlatformError;
    expect(error).to.be.instanceOf(PlatformError);
    expect(error.status).to.equal(11);
    expect(error.statusName).to.equal('ACCESS_DENIED');
    expect(error.method).to.equal('GetPersonInfo');
    expect(error.platformMessage).to.equal('Access denied & logged');
  });

  it('turns a non-zero status without an error element into a PlatformError', () => {
    const error = thrown(() => decode('<response><status><code> 37 </code></status></response>')) as PlatformError;
    expect(error.statusName).to.equal('INVALID_RECORD_STATE');
    expect(error.platformMessage).to.equal(undefined);
  });

  for (const [label, xml, problem] of [
    ['another root element', '<html><body>Sign in</body></html>', 'its root element is <html>, expected <response>'],
    ['no status', '<response><wc:info xmlns:wc="urn:x"/></response>', 'it has no <status>'],
    ['no status code', '<response><status/></response>', 'its <status> has no <code>'],
    [
      'a status code that is not a number',
      '<response><status><code>OK</code></status></response>',
      'its status code "OK" is not a number',
    ],
  ] as const) {
    it(`refuses a document with ${label}`, () => {
      const error = thrown(() => decode(xml)) as HvError;
      expect(error).to.be.instanceOf(HvError);
      expect(error.code).to.equal('malformed-response');
      expect(error.message).to.equal(`The answer to GetPersonInfo is not a HealthVault response document: ${problem}.`);
    });
  }
});

describe('response field readers', () => {
  it('reads xs:boolean in all its spellings', () => {
    expect(['true', '1', 'false', '0', ' true '].map((v) => parseBoolean(v, 'x'))).to.deep.equal([
      true,
      true,
      false,
      false,
      true,
    ]);
    expect(parseBoolean(undefined, 'x')).to.equal(undefined);
    expect(thrown(() => parseBoolean('yes', 'person-info/more-records')).message).to.equal(
      'Malformed HealthVault response: person-info/more-records is "yes", not a boolean.',
    );
  });

  it('reads integers', () => {
    expect(parseInteger('4294967296', 'x')).to.equal(4294967296);
    expect(parseInteger('-2', 'x')).to.equal(-2);
    expect(thrown(() => parseInteger('1.5', 'record/@rel-type')).message).to.contain(
      'record/@rel-type is "1.5", not an integer',
    );
  });

  it('reads xs:dateTime with and without zone and fraction', () => {
    expect(parseDateTime('2016-07-12T22:14:36.69Z', 'x')?.toISOString()).to.equal('2016-07-12T22:14:36.690Z');
    expect(parseDateTime('2017-04-21T22:20:42.0812345Z', 'x')?.toISOString()).to.equal('2017-04-21T22:20:42.081Z');
    expect(parseDateTime('2017-04-21T22:20:42', 'x')?.toISOString()).to.equal('2017-04-21T22:20:42.000Z');
    expect(parseDateTime('2017-04-21T22:20:42+02:00', 'x')?.toISOString()).to.equal('2017-04-21T20:20:42.000Z');
    expect(thrown(() => parseDateTime('yesterday', 'record/@date-created')).message).to.contain('not a date and time');
    expect(thrown(() => parseDateTime('2017-13-45T99:00:00Z', 'x')).message).to.contain('not a date and time');
  });

  it('reads enumerations and names the allowed values when it meets another', () => {
    expect(parseEnum('Read', ['Read', 'Create'], 'x')).to.equal('Read');
    const error = thrown(() => parseEnum('Write', ['Read', 'Create'], 'permission')) as HvError;
    expect(error.code).to.equal('malformed-response');
    expect(error.message).to.equal(
      'Malformed HealthVault response: permission is "Write", not one of "Read", "Create".',
    );
  });
});
