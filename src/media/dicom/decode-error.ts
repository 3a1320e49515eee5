/** A DICOM file that cannot be decoded: `unsupported` (a valid file labelkit does not decode) or `corrupt`. */
export class DicomDecodeError extends Error {
  readonly kind: 'corrupt' | 'unsupported';

  constructor(message: string, kind: 'corrupt' | 'unsupported' = 'corrupt') {
    super(message);
    this.name = 'DicomDecodeError';
    this.kind = kind;
  }
}
