// Presigned asset URLs in the shape object stores use (S3 `X-Amz-Expires`, GCS `X-Goog-Expires`):
// the path, an expiry in epoch seconds (`exp`, which labelkit reads to refresh before fetching)
// and an HMAC-SHA256 over both. Anyone holding the URL may read that one file until it expires,
// so it is short-lived and names one object; the secret never leaves the server.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * @param {{ secret: Buffer, ttlSeconds: number, prefix: string, now?: () => number }} options
 *   prefix: the URL path the media are served under, with both slashes (`/media/`).
 */
export function createUrlSigner({ secret, ttlSeconds, prefix, now = Date.now }) {
  const mac = (path, exp) => createHmac('sha256', secret).update(`${path}\n${exp}`).digest('base64url');

  return {
    /** A signed URL (path and query, this origin) for `file`, relative to the media folder. */
    sign(file) {
      const path = prefix + file.split('/').map(encodeURIComponent).join('/');
      const exp = Math.floor(now() / 1000) + ttlSeconds;
      return { url: `${path}?exp=${exp}&sig=${mac(path, exp)}`, expiresAt: exp * 1000 };
    },

    /** Why the raw request URL is refused, or null when it is signed, unexpired and untampered. */
    refusal(rawUrl) {
      const queryAt = rawUrl.indexOf('?');
      if (queryAt < 0) return 'unsigned';
      const path = rawUrl.slice(0, queryAt);
      const query = new URLSearchParams(rawUrl.slice(queryAt + 1));
      const exp = query.get('exp') ?? '';
      const sig = Buffer.from(query.get('sig') ?? '');
      if (!/^\d{1,12}$/.test(exp)) return 'unsigned';
      const expected = Buffer.from(mac(path, exp));
      if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) return 'bad signature';
      if (Number(exp) * 1000 <= now()) return 'expired';
      return null;
    },
  };
}
