import { expect } from '@open-wc/testing';
import { groupIdentityCode, readIdentityCode } from '../../../src/core/shell/identity-code.js';

const CODE = 'JKYZQNMNVHRXZGNRGZNH';

describe('identity codes', () => {
  it('reads what people type or paste: any case, spaces, missing or extra dashes, typographic dashes', () => {
    for (const typed of [
      CODE,
      'jkyz-qnmn-vhrx-zgnr-gznh',
      '  JKYZ QNMN VHRX ZGNR GZNH ',
      'JKYZ--QNMN-VHRXZGNR - gznh',
      'JKYZ–QNMN—VHRX‑ZGNR-GZNH',
    ]) {
      expect(readIdentityCode(typed), typed).to.deep.equal({ code: CODE });
    }
  });

  it('takes the code out of a CONNECT or PICKUP link, wherever the packageid is', () => {
    const targetqs = encodeURIComponent('packageid=JKYZ-QNMN-VHRX-ZGNR-GZNH');
    for (const link of [
      `https://account.healthvault.com/redirect.aspx?target=CONNECT&targetqs=${targetqs}`,
      `https://account.healthvault.com/redirect.aspx?target=PICKUP&targetqs=${targetqs.toLowerCase()}`,
      'https://account.healthvault.com/redirect.aspx?target=CONNECT&targetqs=packageid%3dJKYZQNMNVHRXZGNRGZNH',
      'http://localhost:5173/shell/redirect.aspx?target=PICKUP&PackageId=jkyz-qnmn-vhrx-zgnr-gznh',
      'target=CONNECT&targetqs=packageid%3DJKYZ-QNMN-VHRX-ZGNR-GZNH',
    ]) {
      expect(readIdentityCode(link), link).to.deep.equal({ code: CODE });
    }
    expect(readIdentityCode('https://account.healthvault.com/redirect.aspx?target=CONNECT')).to.deep.equal({
      problem: 'link-without-code',
    });
  });

  it('says precisely what is wrong, never repeating the code', () => {
    expect(readIdentityCode('  - ')).to.deep.equal({ problem: 'empty' });
    expect(readIdentityCode('JKYZ-QNMN-VHRX-ZGNR-GZN')).to.deep.equal({ problem: 'too-short', count: 19 });
    expect(readIdentityCode('JKYZ-QNMN-VHRX-ZGNR-GZNHH')).to.deep.equal({ problem: 'too-long', count: 21 });
    expect(readIdentityCode('JKYZ-QNMN-VHRX-ZGNR-GZN0')).to.deep.equal({ problem: 'not-a-letter', offending: '0' });
    expect(readIdentityCode('JKYZ_QNMN')).to.deep.equal({ problem: 'not-a-letter', offending: '_' });
  });

  it('groups letters by four as printed, while they are typed too', () => {
    expect(groupIdentityCode(CODE)).to.equal('JKYZ-QNMN-VHRX-ZGNR-GZNH');
    expect(groupIdentityCode('JKYZQ')).to.equal('JKYZ-Q');
    expect(groupIdentityCode('')).to.equal('');
  });
});
