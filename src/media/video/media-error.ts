/** What a `<video>` element's `MediaError` means for the host (`lk-error` codes). */
import type { ErrorInfo } from '../../core/errors.js';

export interface MediaErrorLike {
  code: number;
  message: string;
}

/** Chromium names the pipeline failure at the start of `MediaError.message`. */
function pipelineStatus(message: string): string | undefined {
  return /\b([A-Z][A-Z0-9_]{3,})\b/.exec(message.replace(/^PipelineStatus::/, ''))?.[1];
}

/**
 * `asset-unsupported` when the browser cannot decode what the file holds (codec, container);
 * `asset-load` for a damaged file, a network failure, or an HTTP refusal the media element
 * cannot tell apart from a format error (the caller checks the URL's HTTP status for those).
 */
export function mediaErrorInfo(error: MediaErrorLike | null | undefined): ErrorInfo {
  const status = error ? pipelineStatus(error.message) : undefined;
  const cause = status ? { name: status } : error ? { name: `MEDIA_ERR_${error.code}` } : undefined;
  const withCause = (info: ErrorInfo): ErrorInfo => (cause ? { ...info, cause } : info);
  if (!error) return { code: 'asset-load', message: 'The video could not be loaded.' };
  if (status && /NO_SUPPORTED_STREAMS|DECODER|CODEC|UNSUPPORTED/.test(status)) {
    return withCause({ code: 'asset-unsupported', message: 'This browser cannot decode the video (unsupported codec).' });
  }
  if (status && /COULD_NOT_OPEN|COULD_NOT_PARSE|DEMUXER|PARSE/.test(status)) {
    return withCause({ code: 'asset-load', message: 'The video file is damaged, truncated or not a video.' });
  }
  switch (error.code) {
    case 2: // MEDIA_ERR_NETWORK
      return withCause({ code: 'asset-load', message: 'The video stopped loading (network error).' });
    case 3: // MEDIA_ERR_DECODE
      return withCause({ code: 'asset-load', message: 'The video could not be decoded; the file may be damaged.' });
    case 4: // MEDIA_ERR_SRC_NOT_SUPPORTED: also what an HTTP 403 or 404 looks like
      return withCause({ code: 'asset-unsupported', message: 'The video format is not supported, or the file could not be fetched.' });
    default:
      return withCause({ code: 'asset-load', message: 'The video could not be loaded.' });
  }
}
