import { expect } from '@open-wc/testing';
import { HvError } from '../../../src/core/errors.js';
import { PlatformError } from '../../../src/core/platform/platform-error.js';
import { StatusCode } from '../../../src/core/platform/status-codes.js';

describe('PlatformError', () => {
  it('is an HvError of code platform that names the method, the status and what it means', () => {
    const error = new PlatformError('GetPersonInfo', StatusCode.ACCESS_DENIED, 'Access is denied.');
    expect(error).to.be.instanceOf(HvError);
    expect(error.code).to.equal('platform');
    expect(error.name).to.equal('PlatformError');
    expect(error.status).to.equal(11);
    expect(error.statusName).to.equal('ACCESS_DENIED');
    expect(error.method).to.equal('GetPersonInfo');
    expect(error.message).to.match(/^HealthVault refused GetPersonInfo: ACCESS_DENIED \(11\) — .*revoked/);
  });

  it("keeps the platform's message as data, out of the message", () => {
    const platformMessage = '<img src=x onerror=alert(1)> internal detail';
    const error = new PlatformError('QueryPermissions', StatusCode.INVALID_RECORD_STATE, platformMessage);
    expect(error.platformMessage).to.equal(platformMessage);
    expect(error.message).not.to.contain('internal detail');
  });

  it('leaves platformMessage out when the platform sent none', () => {
    expect(new PlatformError('GetPersonInfo', 1).platformMessage).to.equal(undefined);
    expect(new PlatformError('GetPersonInfo', 1, '')).not.to.have.property('platformMessage');
  });

  it('names codes it does not know', () => {
    const error = new PlatformError('GetPersonInfo', 183);
    expect(error.statusName).to.equal('UNKNOWN_STATUS_183');
    expect(error.message).to.contain('UNKNOWN_STATUS_183 (183)');
  });

  for (const [status, retryable] of [
    [StatusCode.REQUEST_TIMED_OUT, true],
    [StatusCode.MAINTENANCE_MODE_ACCESS_DENIED, true],
    [StatusCode.ACCESS_DENIED, false],
    [StatusCode.CREDENTIAL_TOKEN_EXPIRED, false],
    [StatusCode.INVALID_RECORD_STATE, false],
    [StatusCode.FAILED, false],
  ] as const) {
    it(`is ${retryable ? '' : 'not '}retryable for status ${status}`, () => {
      expect(new PlatformError('GetPersonInfo', status).retryable).to.equal(retryable);
    });
  }
});
