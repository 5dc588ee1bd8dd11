// The media module's domain errors; media.graphql.ts maps them to the API's typed errors.

/** Input the client got wrong; `field` names the argument at fault. Nothing was written. */
export class MediaInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

export class ImageNotFoundError extends Error {
  constructor() {
    super("No image has this id");
  }
}

/** The store failed; nothing was recorded, and the client may try again. */
export class MediaStoreError extends Error {}
