import { useId, useRef, useState } from 'react';
import type { FocusEvent, MouseEvent, Ref } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AppraisalStatus, CommentStatus } from '@quorum/shared';
import { useFormatDateTime } from '../../hooks/useFormat';
import { useActionRunner } from '../meeting/useActionRunner';
import { CommentText, MentionPicker } from './mentions';
import { AddAppraisalCommentDocument, ResolveAppraisalCommentDocument } from '../../generated/graphql';
import type { AppraisalCommentFieldsFragment, AppraisalFieldsFragment } from '../../generated/graphql';

/** A comment and its replies, with the round it belongs to (whether one may still reply in it). */
export interface Thread {
  root: AppraisalCommentFieldsFragment;
  replies: AppraisalCommentFieldsFragment[];
  appraisal: Pick<AppraisalFieldsFragment, 'id' | 'status' | 'viewerCan'>;
}

/** Threads of every round, oldest first; a reply joins the thread of its root. */
export function threadsOf(appraisals: readonly AppraisalFieldsFragment[]): Thread[] {
  const threads: Thread[] = [];
  for (const appraisal of appraisals) {
    const comments = appraisal.comments.edges.map((edge) => edge.node);
    const byRoot = new Map<string, Thread>();
    for (const comment of comments) {
      if (comment.parentId) continue;
      const thread = { root: comment, replies: [], appraisal };
      byRoot.set(comment.id, thread);
      threads.push(thread);
    }
    for (const comment of comments) if (comment.parentId) byRoot.get(comment.parentId)?.replies.push(comment);
  }
  return threads.sort((a, b) => a.root.createdAt.localeCompare(b.root.createdAt));
}

const QUOTE_SHOWN = 160;

function Byline({ comment }: { comment: AppraisalCommentFieldsFragment }) {
  const formatDateTime = useFormatDateTime();
  return (
    <p className="comment__byline">
      <span className="comment__author">{comment.author.fullName}</span>
      <span className="comment__unit"> · {comment.unit.shortName ?? comment.unit.name}</span>
      <span className="comment__time"> · {formatDateTime(comment.createdAt)}</span>
    </p>
  );
}

interface CommentThreadProps {
  thread: Thread;
  /** Where it stands: beside its passage, apart because its passage is gone, or about the whole proposal. */
  placement: 'attached' | 'detached' | 'general';
  active?: boolean;
  onActivate?: (id: string | null) => void;
  onChanged: () => void;
  cardRef?: Ref<HTMLElement>;
}

export function CommentThread({
  thread,
  placement,
  active,
  onActivate,
  onChanged,
  cardRef,
}: CommentThreadProps) {
  const { t } = useTranslation();
  const id = useId();
  const { root, replies, appraisal } = thread;
  const [mode, setMode] = useState<'reply' | 'resolve' | null>(null);
  const [text, setText] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const { busy, error, run } = useActionRunner();
  const [addComment] = useMutation(AddAppraisalCommentDocument);
  const [resolveComment] = useMutation(ResolveAppraisalCommentDocument);
  const formatDateTime = useFormatDateTime();
  const resolved = root.status === CommentStatus.RESOLVED;
  const mayReply = appraisal.status === AppraisalStatus.OPEN && appraisal.viewerCan.comment;
  const quote = root.anchorQuote ?? '';

  const submit = () => {
    const body = text.trim();
    if (!body) {
      setTextError(
        t(mode === 'resolve' ? 'proposals.comments.answerRequired' : 'proposals.comments.bodyRequired'),
      );
      return;
    }
    setTextError(null);
    void run(async () => {
      if (mode === 'resolve')
        await resolveComment({ variables: { input: { commentId: root.id, answer: body } } });
      else await addComment({ variables: { input: { appraisalId: appraisal.id, body, parentId: root.id } } });
      setMode(null);
      setText('');
      onChanged();
    });
  };

  const activate = (event: FocusEvent | MouseEvent) => {
    if (
      event.type === 'blur' &&
      event.currentTarget.contains((event as FocusEvent).relatedTarget as Node | null)
    )
      return;
    onActivate?.(event.type === 'blur' || event.type === 'mouseleave' ? null : root.id);
  };

  return (
    <article
      ref={cardRef}
      className={[
        'comment-thread',
        `comment-thread--${placement}`,
        resolved ? 'comment-thread--resolved' : '',
        active ? 'comment-thread--active' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={`${id}-head`}
      data-testid="comment-thread"
      data-comment-id={root.id}
      data-placement={placement}
      data-status={root.status}
      onMouseEnter={activate}
      onMouseLeave={activate}
      onFocus={activate}
      onBlur={activate}
    >
      <h3 id={`${id}-head`} className="visually-hidden">
        {t('proposals.comments.threadBy', { name: root.author.fullName })}
      </h3>
      {quote && (
        <blockquote
          className={placement === 'detached' ? 'comment__quote comment__quote--gone' : 'comment__quote'}
        >
          {placement === 'detached' && (
            <span className="comment__gone">{t('proposals.comments.passageGone')} </span>
          )}
          <span data-testid="comment-quote">
            {quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote}
          </span>
        </blockquote>
      )}
      <Byline comment={root} />
      <p className="comment__body" data-testid="comment-body">
        <CommentText body={root.body} />
      </p>
      {replies.length > 0 && (
        <ol
          className="comment__replies"
          aria-label={t('proposals.comments.replies', { count: replies.length })}
        >
          {replies.map((reply) => (
            <li key={reply.id} className="comment__reply" data-testid="comment-reply">
              <Byline comment={reply} />
              <p className="comment__body">
                <CommentText body={reply.body} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {resolved && (
        <div className="comment__answer" data-testid="comment-answer">
          <p className="comment__resolved">
            <span className="badge badge--resolved">{t('proposals.comments.resolved')}</span>{' '}
            {root.resolvedBy?.fullName}
            {root.resolvedAt && ` · ${formatDateTime(root.resolvedAt)}`}
          </p>
          {root.answer && (
            <p className="comment__body">
              <span className="comment__label">{t('proposals.comments.answer')}: </span>
              <CommentText body={root.answer} />
            </p>
          )}
        </div>
      )}
      {mode ? (
        <form
          className="comment__form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          data-testid={mode === 'resolve' ? 'resolve-form' : 'reply-form'}
        >
          <label htmlFor={`${id}-text`} className="comment__label">
            {mode === 'resolve' ? t('proposals.comments.answerLabel') : t('proposals.comments.replyLabel')}
          </label>
          <textarea
            ref={textRef}
            id={`${id}-text`}
            rows={3}
            value={text}
            autoFocus
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setMode(null);
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
            }}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? `${id}-text-error` : undefined}
          />
          {textError && (
            <p id={`${id}-text-error`} className="field__error">
              {textError}
            </p>
          )}
          <div className="inline-form__actions">
            <button type="submit" className="button button--small button--primary" disabled={busy}>
              {mode === 'resolve' ? t('proposals.comments.resolve') : t('proposals.comments.send')}
            </button>
            <MentionPicker textarea={textRef} value={text} onChange={setText} />
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setMode(null)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        (mayReply || root.viewerCan.resolve) && (
          <div className="comment__actions">
            {mayReply && (
              <button type="button" className="link-button" onClick={() => setMode('reply')}>
                {t('proposals.comments.reply')}
              </button>
            )}
            {root.viewerCan.resolve && (
              <button
                type="button"
                className="link-button"
                onClick={() => setMode('resolve')}
                data-testid="resolve-comment"
              >
                {t('proposals.comments.resolveOpen')}
              </button>
            )}
          </div>
        )
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
