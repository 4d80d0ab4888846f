/** Validation limits, the same on the server (enforced) and in the client (form hints). */
export const limits = {
  pageSizeDefault: 20,
  pageSizeMax: 100,
  titleMax: 500,
  locationMax: 200,
  descriptionMax: 20_000,
} as const;
