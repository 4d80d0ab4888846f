import { ApiTokenScope, Classification, ErrorCode, EventType, isUuid, SubjectType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { ViewerCache } from '../auth/viewer-cache.js';
import { loadViewer, type Viewer } from '../auth/viewer.js';
import type { Database } from '../config/orm.js';
import { ApiToken, Event, Meeting } from '../entities/index.js';
import { BadInputError, UnauthenticatedError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { databaseOutage, sendUnavailable } from '../security/unavailable.js';
import { checkDueRange } from '../read/due-range.js';
import { followUpReport, type FollowUpFilter } from '../read/follow-up.js';
import { logUnexpectedError } from '../security/unexpected-error.js';
import { addMeetingEvent, newCalendar } from './agenda-ics.js';
import { renderAppraisalReportPdf } from './appraisal-pdf.js';
import { assembleAppraisalReport } from './appraisal-report.js';
import { agendaJson } from './agenda-json.js';
import { renderBookPdf } from './book-pdf.js';
import { findCalendarFeed } from './calendar-feed.js';
import { renderFollowUpPdf, renderFollowUpXlsx } from './follow-up.js';
import { dateKey, slug } from './format.js';
import { assembleMeetingBook, assembleMeetingBooks, type MeetingBook } from './meeting-book.js';
import { minutesForExport, renderMinutesDocx, renderMinutesPdf, storedMinutes } from './minutes-document.js';

const feedFile = /^(qt_[A-Za-z0-9_-]{20,100})\.ics$/;
/** The feed carries the past year and everything ahead, at most this many meetings. */
const feedPastDays = 365;
const feedMaxMeetings = 500;
// lastUsedAt is refreshed at most this often: calendar applications poll.
const touchEveryMs = 60_000;

type Format = 'json' | 'ics' | 'pdf' | 'minutes.docx' | 'minutes.pdf';

/**
 * Downloads outside GraphQL: the per-user iCalendar feed (`/calendar/<token>.ics`, the one place a token
 * may sit in a URL) and a meeting's agenda, book and minutes
 * (`/meetings/<id>/agenda.json|agenda.ics|book.pdf|minutes.docx|minutes.pdf`,
 * with `Authorization: Bearer` only), and an appraisal round's report (`/appraisals/<id>/report.pdf`). A
 * meeting or proposal the viewer may not read is answered 404, as if absent. The follow-up report
 * (`/reports/follow-up.pdf|xlsx`) counts the tasks the viewer may read.
 */
export function exportRouter(db: Database, viewers: ViewerCache): Router {
  const router = Router();

  router.get(
    '/calendar/:file',
    handle(async (req, res) => {
      const match = feedFile.exec(String(req.params.file));
      const em = db.orm.em.fork();
      const found = match ? await findCalendarFeed(em, match[1]!) : null;
      if (!found) return refuse(res, 404, ErrorCode.NOT_FOUND, 'Not found');
      const { feed, owner } = found;
      const viewer = await loadViewer(em, owner, { kind: 'apiToken', id: feed.id }, feed.scopes);

      const since = new Date(Date.now() - feedPastDays * 86_400_000);
      const meetings = (
        await em.find(
          Meeting,
          { $and: [meetingPolicy.readable(viewer), { isTemplate: false, startsAt: { $gte: since } }] },
          // Over the cap, the oldest are left out, never the coming ones.
          { orderBy: { startsAt: 'desc', id: 'asc' }, limit: feedMaxMeetings },
        )
      ).filter((meeting) => meetingPolicy.canRead(viewer, meeting));
      const books = await assembleMeetingBooks(em, viewer, meetings);

      const origin = originOf(req);
      const calendar = newCalendar(`Quorum: ${owner.fullName}`, owner.organization.getEntity().timeZone);
      for (const book of books) {
        // Subscribed calendars are copied to services outside the organization: confidential ones go as busy time.
        const detail = book.meeting.classification === Classification.CONFIDENTIAL ? 'busy' : 'full';
        addMeetingEvent(calendar, book, meetingUrl(origin, book), detail);
      }

      const now = new Date();
      if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > touchEveryMs) {
        await em.nativeUpdate(ApiToken, { id: feed.id }, { lastUsedAt: now });
      }
      res.set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="quorum.ics"',
        'Cache-Control': 'private, no-store',
        'Referrer-Policy': 'no-referrer',
      });
      res.send(calendar.toString());
    }),
  );

  for (const [file, format] of [
    ['agenda.json', 'json'],
    ['agenda.ics', 'ics'],
    ['book.pdf', 'pdf'],
    ['minutes.docx', 'minutes.docx'],
    ['minutes.pdf', 'minutes.pdf'],
  ] as const) {
    router.get(
      `/meetings/:id/${file}`,
      handle(async (req, res) => {
        const em = db.orm.em.fork();
        const viewer = await authenticateReader(viewers, req, res);
        if (!viewer) return;
        const id = String(req.params.id);
        const meeting = isUuid(id)
          ? await em.findOne(Meeting, { $and: [{ id }, meetingPolicy.readable(viewer)] })
          : null;
        if (!meeting || !meetingPolicy.canRead(viewer, meeting)) {
          return refuse(res, 404, ErrorCode.NOT_FOUND, `Meeting ${id} not found`);
        }
        const book = await assembleMeetingBook(em, viewer, meeting);
        // The book prints the minutes once there are some; their own downloads are what the editor opens with.
        if (format === 'pdf') book.minutes = await storedMinutes(em, meeting);
        else if (format === 'minutes.docx' || format === 'minutes.pdf') {
          book.minutes = await minutesForExport(em, meeting);
          if (!book.minutes) return refuse(res, 404, ErrorCode.NOT_FOUND, `Meeting ${id} has no minutes`);
        }
        await auditConfidential(em, viewer, book, format);
        await send(res, format, book, meetingUrl(originOf(req), book));
      }),
    );
  }

  // A round's consolidated report, for the session's file.
  router.get(
    '/appraisals/:id/report.pdf',
    handle(async (req, res) => {
      const em = db.orm.em.fork();
      const viewer = await authenticateReader(viewers, req, res);
      if (!viewer) return;
      const id = String(req.params.id);
      const document = isUuid(id) ? await assembleAppraisalReport(em, viewer, id) : null;
      if (!document) return refuse(res, 404, ErrorCode.NOT_FOUND, `Appraisal ${id} not found`);
      const { proposal, organization } = document;
      if (proposal.classification === Classification.CONFIDENTIAL) {
        const audit = em.fork();
        audit.create(Event, {
          organization: viewer.organizationId,
          actor: viewer.userId,
          type: EventType.PROPOSAL_EXPORTED,
          subjectType: SubjectType.PROPOSAL,
          subjectId: proposal.id,
          scopeType: SubjectType.PROPOSAL,
          scopeId: proposal.id,
          classification: Classification.CONFIDENTIAL,
          changes: { format: { before: null, after: 'appraisal-report.pdf' } },
          auditOnly: true,
        });
        await audit.flush();
      }
      const url = `${originOf(req)}/proposals/${proposal.id}`;
      res
        .set('Cache-Control', 'private, no-store')
        .attachment(
          `bao-cao-tham-dinh-${slug(proposal.title)}-${dateKey(document.appraisal.createdAt, organization.timeZone)}.pdf`,
        )
        .type('application/pdf')
        .send(await renderAppraisalReportPdf(document, url));
    }),
  );

  // The follow-up report per unit, of the tasks the viewer may read (`followUpReport` in the API).
  for (const format of ['pdf', 'xlsx'] as const)
    router.get(
      `/reports/follow-up.${format}`,
      handle(async (req, res) => {
        const viewer = await authenticateReader(viewers, req, res);
        if (!viewer) return;
        const filter: FollowUpFilter = {};
        for (const key of ['dueFrom', 'dueTo', 'sourceMeetingId'] as const) {
          const value = req.query[key];
          if (value === undefined || value === '') continue;
          if (typeof value !== 'string' || (key === 'sourceMeetingId' && !isUuid(value)))
            return refuse(res, 400, ErrorCode.BAD_USER_INPUT, `${key} is given once, as a day or an id`);
          filter[key] = value;
        }
        try {
          checkDueRange(filter);
        } catch (error) {
          if (error instanceof BadInputError)
            return refuse(res, 400, ErrorCode.BAD_USER_INPUT, error.message);
          throw error;
        }
        const report = await followUpReport(db.orm.em.fork(), viewer, filter);
        const stem = `bao-cao-theo-doi-nhiem-vu-${dateKey(report.asOf, report.organization.timeZone)}`;
        res.set('Cache-Control', 'private, no-store').attachment(`${stem}.${format}`);
        if (format === 'pdf') res.type('application/pdf').send(await renderFollowUpPdf(report));
        else res.type(xlsxType).send(await renderFollowUpXlsx(report));
      }),
    );

  return router;
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function send(res: Response, format: Format, book: MeetingBook, url: string): Promise<void> {
  const stem = `${slug(book.meeting.title)}-${dateKey(book.meeting.startsAt, book.timeZone)}`;
  res.set('Cache-Control', 'private, no-store');
  switch (format) {
    case 'json':
      res.attachment(`${stem}.json`).json(agendaJson(book, url));
      return;
    case 'ics': {
      const calendar = newCalendar(book.meeting.title, book.timeZone);
      addMeetingEvent(calendar, book, url);
      res.attachment(`${stem}.ics`).type('text/calendar; charset=utf-8').send(calendar.toString());
      return;
    }
    case 'pdf':
      res
        .attachment(`bo-tai-lieu-${stem}.pdf`)
        .type('application/pdf')
        .send(await renderBookPdf(book, url));
      return;
    case 'minutes.docx':
      res
        .attachment(`bien-ban-${stem}.docx`)
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(await renderMinutesDocx(book, book.minutes ?? []));
      return;
    case 'minutes.pdf':
      res
        .attachment(`bien-ban-${stem}.pdf`)
        .type('application/pdf')
        .send(await renderMinutesPdf(book, book.minutes ?? []));
      return;
  }
}

/**
 * The viewer of a per-meeting download. Only the Authorization header counts: a token in the query
 * string would end up in logs, proxies and browser history. A calendar-feed token does not read the API.
 */
async function authenticateReader(viewers: ViewerCache, req: Request, res: Response): Promise<Viewer | null> {
  const inQuery = req.query.access_token !== undefined || req.query.token !== undefined;
  let viewer: Viewer | null;
  try {
    viewer = await viewers.viewer(req.headers.authorization);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    refuse(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
    return null;
  }
  if (!viewer || !(viewer.scopes.has(ApiTokenScope.READ) || viewer.scopes.has(ApiTokenScope.WRITE))) {
    const message = inQuery
      ? 'Send the token as "Authorization: Bearer <token>"; tokens in the URL are not accepted'
      : 'Authentication required';
    refuse(res, 401, ErrorCode.UNAUTHENTICATED, message);
    return null;
  }
  return viewer;
}

/** Every export that carries a CONFIDENTIAL meeting or proposal is recorded in the audit trail (never streamed). */
async function auditConfidential(
  em: EntityManager,
  viewer: Viewer,
  book: MeetingBook,
  format: Format,
): Promise<void> {
  const subjects = [
    {
      type: SubjectType.MEETING,
      event: EventType.MEETING_EXPORTED,
      id: book.meeting.id,
      classification: book.meeting.classification,
    },
    ...book.proposals.map((p) => ({
      type: SubjectType.PROPOSAL,
      event: EventType.PROPOSAL_EXPORTED,
      id: p.id,
      classification: p.classification,
    })),
  ].filter((subject) => subject.classification === Classification.CONFIDENTIAL);
  if (subjects.length === 0) return;
  const audit = em.fork();
  for (const subject of subjects) {
    audit.create(Event, {
      organization: viewer.organizationId,
      actor: viewer.userId,
      type: subject.event,
      subjectType: subject.type,
      subjectId: subject.id,
      scopeType: SubjectType.MEETING,
      scopeId: book.meeting.id,
      classification: Classification.CONFIDENTIAL,
      changes: { format: { before: null, after: format } },
      auditOnly: true,
    });
  }
  await audit.flush();
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function meetingUrl(origin: string, book: MeetingBook): string {
  return `${origin}/meetings/${book.meeting.id}`;
}

/** Answers shaped like the API's errors: `{ errors: [{ message, extensions: { code } }] }`. */
function refuse(res: Response, status: number, code: ErrorCode, message: string): void {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message, extensions: { code } }] });
}

function handle(work: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    try {
      await work(req, res);
    } catch (error) {
      // A database outage is retryable (503 with Retry-After); anything else is masked.
      const outage = databaseOutage(error);
      logUnexpectedError(String(res.locals.requestId ?? '-'), error, outage);
      if (res.headersSent) return;
      if (outage) sendUnavailable(res);
      else refuse(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };
}
