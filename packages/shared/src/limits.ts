/** Validation limits, the same on the server (enforced) and in the client (form hints). */
export const limits = {
  pageSizeDefault: 20,
  pageSizeMax: 100,
  titleMax: 500,
  locationMax: 200,
  descriptionMax: 20_000,
  /** Minutes planned for one agenda item (its own, without sub-items): 0 to a whole day. */
  durationMinutesMax: 24 * 60,
  /** Levels of the agenda tree ("1", "1.2", "1.2.3", …). */
  agendaDepthMax: 5,
  /** Items of one meeting's agenda, all levels together. */
  agendaItemsMax: 500,
  /** Participants added in one `addParticipants`. */
  participantsPerCallMax: 200,
  /** People named on one CONFIDENTIAL proposal's access list (its owner is always on it). */
  accessListMax: 200,
  /** Bytes of one attached file (5 MiB; `POST /uploads` refuses more with 413). */
  attachmentBytesMax: 5 * 1024 * 1024,
  fileNameMax: 255,
  /** A named version's label ("Dự thảo lần 2", "Sau thẩm định"): short. */
  versionLabelMax: 200,
  /** Files that go with one progress report of a task. */
  attachmentsPerReportMax: 20,
  /** The years a date may fall in: meetings, deadlines and filters are about now, and the database's range ends. */
  yearMin: 1900,
  yearMax: 2999,
} as const;
