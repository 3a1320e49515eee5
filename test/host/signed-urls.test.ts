import { expect } from '@open-wc/testing';
import { isExpired, signedUrlExpiry } from '../../src/host/expiry.js';
import { redactSignedUrl, scrubUrls } from '../../src/host/redact.js';

describe('host: redactSignedUrl', () => {
  it('drops AWS SigV4 parameters and keeps the others byte for byte, in order', () => {
    const url =
      'https://bucket.s3.eu-west-1.amazonaws.com/dir/a%20b.jpg?response-content-disposition=inline%3B%20filename%3D%22a%20b.jpg%22' +
      '&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261122%2Feu-west-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20261122T100000Z&X-Amz-Expires=3600&X-Amz-Security-Token=IQo%2Bb3&X-Amz-SignedHeaders=host' +
      '&versionId=v%7e1+2&X-Amz-Signature=0f1e2d';
    expect(redactSignedUrl(url)).to.equal(
      'https://bucket.s3.eu-west-1.amazonaws.com/dir/a%20b.jpg?response-content-disposition=inline%3B%20filename%3D%22a%20b.jpg%22&versionId=v%7e1+2',
    );
  });

  it('drops GCS V4 and V2 parameters', () => {
    expect(
      redactSignedUrl(
        'https://storage.googleapis.com/b/o.png?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa%40p.iam&X-Goog-Date=20261122T100000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&w=640&X-Goog-Signature=abcd',
      ),
    ).to.equal('https://storage.googleapis.com/b/o.png?w=640');
    expect(redactSignedUrl('https://storage.googleapis.com/b/o.png?GoogleAccessId=sa&Expires=1790000000&Signature=a%2Bb%3D&generation=7')).to.equal(
      'https://storage.googleapis.com/b/o.png?generation=7',
    );
  });

  it('drops Azure SAS parameters (service, account, user delegation) and keeps response overrides', () => {
    const url =
      'https://acct.blob.core.windows.net/c/a.jpg?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-11-22T10%3A00%3A00Z&st=2026-11-22T09%3A00%3A00Z' +
      '&spr=https&sr=b&skoid=o&sktid=t&skt=2026&ske=2027&sks=b&skv=2022&si=policy1&rscd=inline&sig=abc%2Bdef%2F%3D';
    expect(redactSignedUrl(url)).to.equal('https://acct.blob.core.windows.net/c/a.jpg?rscd=inline');
  });

  it('drops CloudFront parameters', () => {
    expect(redactSignedUrl('https://d111.cloudfront.net/v.mp4?quality=hd&Expires=1790000000&Signature=AbC~x_-&Key-Pair-Id=K2JCJMDEHXQW5F&Policy=eyJ')).to.equal(
      'https://d111.cloudfront.net/v.mp4?quality=hd',
    );
  });

  it('drops generic tokens, case-insensitively, also with encoded names', () => {
    expect(redactSignedUrl('/signed/a.jpg?exp=1790000000&sig=Zz%2B%2F&page=2')).to.equal('/signed/a.jpg?page=2');
    expect(redactSignedUrl('https://x.example/a?TOKEN=t&Signature=s&EXPIRES=1&Sig=q&keep=1&x-amz-signature=z&X%2DAmz%2DDate=d&Access_Token=a')).to.equal(
      'https://x.example/a?keep=1',
    );
  });

  it('matches names exactly: lookalikes stay', () => {
    const url = 'https://x.example/a?signed=1&sigma=2&state=3&expiresIn=4&tokens=5&stamp=6&sp2=7';
    expect(redactSignedUrl(url)).to.equal(url);
  });

  it('keeps valueless and oddly encoded parameters as they were', () => {
    expect(redactSignedUrl('https://x.example/a?flag&sig=1&q=a+b%2bc&e=%E2%82%AC&bad=%zz')).to.equal('https://x.example/a?flag&q=a+b%2bc&e=%E2%82%AC&bad=%zz');
  });

  it('handles relative URLs, URLs without a query and a query that was all signature', () => {
    expect(redactSignedUrl('../img/a.jpg?v=2&token=abc')).to.equal('../img/a.jpg?v=2');
    expect(redactSignedUrl('a.jpg')).to.equal('a.jpg');
    expect(redactSignedUrl('?sig=1&exp=2')).to.equal('');
    expect(redactSignedUrl('https://x.example/a.jpg?X-Amz-Signature=1')).to.equal('https://x.example/a.jpg');
    expect(redactSignedUrl('')).to.equal('');
  });

  it('leaves blob: and data: URLs alone', () => {
    expect(redactSignedUrl('blob:https://app.example/0d8c-4e1f')).to.equal('blob:https://app.example/0d8c-4e1f');
    expect(redactSignedUrl('data:text/plain,what?sig=not-a-param')).to.equal('data:text/plain,what?sig=not-a-param');
  });

  it('keeps media fragments and drops tokens in a fragment', () => {
    expect(redactSignedUrl('https://x.example/v.mp4?sig=1#t=10,20')).to.equal('https://x.example/v.mp4#t=10,20');
    expect(redactSignedUrl('https://x.example/d.pdf?a=1#access_token=abc&page=2')).to.equal('https://x.example/d.pdf?a=1#page=2');
    expect(redactSignedUrl('https://x.example/d.pdf#token=abc')).to.equal('https://x.example/d.pdf');
  });
});

describe('host: scrubUrls', () => {
  const url = 'https://Bucket.example.com/secret/a.jpg?X-Amz-Date=20261122T100000Z&X-Amz-Signature=deadbeefcafe';

  it('replaces the whole URL, its absolute form, path + query, query and signature values', () => {
    const message = [
      `GET ${url} failed`,
      `normalised ${new URL(url).href}`,
      `path /secret/a.jpg?X-Amz-Date=20261122T100000Z&X-Amz-Signature=deadbeefcafe`,
      `query ?X-Amz-Date=20261122T100000Z&X-Amz-Signature=deadbeefcafe`,
      `bare X-Amz-Date=20261122T100000Z&X-Amz-Signature=deadbeefcafe`,
      `mismatch for deadbeefcafe`,
    ].join('\n');
    const scrubbed = scrubUrls(message, [url]);
    expect(scrubbed).to.equal(
      ['GET [asset-url] failed', 'normalised [asset-url]', 'path [asset-url]', 'query [asset-url]', 'bare [asset-url]', 'mismatch for [asset-url]'].join('\n'),
    );
  });

  it('scrubs relative URLs inside absolute ones and handles several URLs', () => {
    const relative = '/signed/a.jpg?exp=1790000000&sig=Zz%2Bq9X';
    const other = 'https://cdn.example/x.png?token=0123456789';
    const message = `Failed http://localhost:8000${relative} then ${other}, sig Zz+q9X`;
    expect(scrubUrls(message, [relative, other, ''])).to.equal('Failed http://localhost:8000[asset-url] then [asset-url], sig [asset-url]');
  });

  it('never throws while an error is reported: a URL object or other value as a URL, a message that is not a string, URLs it cannot parse', () => {
    const signed = new URL('https://cdn.example/secret.png?token=0123456789');
    expect(scrubUrls(`GET ${signed.href} failed`, [signed, null, undefined, 42])).to.equal('GET [asset-url] failed');
    expect(scrubUrls(undefined, [url])).to.equal('');
    expect(scrubUrls(new Error(`at ${url}`), [url])).to.equal('Error: at [asset-url]');
    const unparsable = ['http://[', '%E0%A4%A', 'https://exa mple.com/?sig=%ZZ&x=1', '\uD800?token=\uDC00abcdef', ':'];
    for (const odd of unparsable) expect(() => scrubUrls(`odd ${odd}`, [odd])).not.to.throw();
    expect(scrubUrls('odd https://exa mple.com/?sig=%ZZ&x=1', ['https://exa mple.com/?sig=%ZZ&x=1'])).to.equal('odd [asset-url]');
    const throwing = { toString: () => { throw new Error('no text'); } };
    expect(scrubUrls('message', [throwing])).to.equal('message');
  });

  it('leaves a message without the URLs untouched', () => {
    expect(scrubUrls('The asset could not be loaded (HTTP 404).', [url])).to.equal('The asset could not be loaded (HTTP 404).');
    expect(scrubUrls('nothing', [])).to.equal('nothing');
  });
});

describe('host: signedUrlExpiry', () => {
  it('reads AWS X-Amz-Date + X-Amz-Expires', () => {
    expect(signedUrlExpiry('https://x/a?X-Amz-Algorithm=A&X-Amz-Date=20261122T100000Z&X-Amz-Expires=60&X-Amz-Signature=s')).to.equal(Date.UTC(2026, 10, 22, 10, 1, 0));
    expect(signedUrlExpiry('https://x/a?x-amz-expires=60&x-amz-date=20261122T235930Z')).to.equal(Date.UTC(2026, 10, 23, 0, 0, 30));
  });

  it('reads GCS X-Goog-Date + X-Goog-Expires', () => {
    expect(signedUrlExpiry('https://x/a?X-Goog-Date=20261122T100000Z&X-Goog-Expires=3600')).to.equal(Date.UTC(2026, 10, 22, 11, 0, 0));
  });

  it('reads Azure se next to sig, encoded or not, date-only too', () => {
    expect(signedUrlExpiry('https://x/a?sv=1&se=2026-11-22T10%3A00%3A00Z&sig=abc')).to.equal(Date.UTC(2026, 10, 22, 10, 0, 0));
    expect(signedUrlExpiry('https://x/a?se=2026-11-22T10:30:00Z&sig=abc')).to.equal(Date.UTC(2026, 10, 22, 10, 30, 0));
    expect(signedUrlExpiry('https://x/a?se=2026-11-23&sig=abc')).to.equal(Date.UTC(2026, 10, 23));
    expect(signedUrlExpiry('https://x/a?se=2026-11-22T10%3A00%3A00Z')).to.equal(undefined);
  });

  it('reads CloudFront Expires and the test server exp (epoch seconds)', () => {
    expect(signedUrlExpiry('https://x/a?Expires=1790000000&Signature=x&Key-Pair-Id=K')).to.equal(1_790_000_000_000);
    expect(signedUrlExpiry('/signed/a.jpg?exp=1790000000&sig=x')).to.equal(1_790_000_000_000);
  });

  it('says nothing for URLs without an expiry or with malformed ones', () => {
    expect(signedUrlExpiry('https://x/a?q=1')).to.equal(undefined);
    expect(signedUrlExpiry('https://x/a')).to.equal(undefined);
    expect(signedUrlExpiry('https://x/a?X-Amz-Expires=60')).to.equal(undefined);
    expect(signedUrlExpiry('https://x/a?X-Amz-Date=yesterday&X-Amz-Expires=60')).to.equal(undefined);
    expect(signedUrlExpiry('https://x/a?exp=soon')).to.equal(undefined);
    expect(signedUrlExpiry('data:text/plain,?exp=1')).to.equal(undefined);
  });

  it('isExpired compares with now, inclusive', () => {
    expect(isExpired('/a?exp=10', 9_999)).to.equal(false);
    expect(isExpired('/a?exp=10', 10_000)).to.equal(true);
    expect(isExpired('/a?exp=10', 11_000)).to.equal(true);
    expect(isExpired('/a?q=1', Number.MAX_SAFE_INTEGER)).to.equal(false);
  });
});
