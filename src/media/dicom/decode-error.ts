/**
 * A DICOM file that cannot be decoded: `unsupported` (a valid file labelkit does not decode),
 * `corrupt`, or `resource` (a decoder labelkit ships could not run: its worker or WebAssembly was
 * refused or missing).
 */
export class DicomDecodeError extends Error {
  readonly kind: 'corrupt' | 'unsupported' | 'resource';

  constructor(message: string, kind: 'corrupt' | 'unsupported' | 'resource' = 'corrupt') {
    super(message);
    this.name = 'DicomDecodeError';
    this.kind = kind;
  }
}
