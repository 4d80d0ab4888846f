import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useLazyQuery, useMutation, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationPath, notificationTitle } from '../../apollo/notification.operations';
import { useFormatDateTime } from '../../hooks/useFormat';
import {
  MarkNotificationsReadDocument,
  NotificationUpdatesDocument,
  NotificationsDocument,
} from '../../generated/graphql';
import type { NotificationFieldsFragment } from '../../generated/graphql';
import './notifications.css';

const pageSize = 20;

/**
 * The header's notification centre: a bell with the unread count, live from the `notifications`
 * subscription (said in a polite live region when it changes), and a panel with the recent notifications,
 * each in words, with its time and a link to its object (opening one marks it read), "mark all read", and
 * loading, empty and error states. Escape or a click outside closes the panel and focus returns to the bell.
 */
export function NotificationCentre() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const countRef = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const bellRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  const [load, list] = useLazyQuery(NotificationsDocument, { fetchPolicy: 'network-only' });
  const [markRead, marking] = useMutation(MarkNotificationsReadDocument);

  const openRef = useRef(open);
  openRef.current = open;
  useSubscription(NotificationUpdatesDocument, {
    onData: ({ data }) => {
      const update = data.data?.notifications;
      if (!update) return;
      const previous = countRef.current;
      countRef.current = update.unreadCount;
      setCount(update.unreadCount);
      // The first count is not news; a change is said once.
      if (previous !== null && previous !== update.unreadCount)
        setAnnouncement(
          update.unreadCount === 0
            ? t('notifications.liveNone')
            : t('notifications.live', { count: update.unreadCount }),
        );
      // A new one while the panel is open: the list is read again, so it shows first.
      if (update.notification && openRef.current)
        void load({ variables: { first: pageSize } }).catch(() => undefined);
    },
  });

  const shown = count ?? list.data?.notifications.unreadCount ?? 0;

  // The panel hangs under the bell, moved sideways as far as it takes to stay on the screen (the bell is
  // at the right of the header on a wide screen, at its left once the tools wrap).
  const [offset, setOffset] = useState<number | null>(null);
  useLayoutEffect(() => {
    const bell = bellRef.current;
    const panel = panelRef.current;
    if (!open || !bell || !panel) return;
    const margin = 8;
    const anchor = bell.getBoundingClientRect();
    const width = panel.getBoundingClientRect().width;
    const viewport = document.documentElement.clientWidth;
    const left = Math.min(Math.max(anchor.right - width, margin), viewport - width - margin);
    setOffset(left - anchor.left);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function toggle() {
    if (!open) void load({ variables: { first: pageSize } }).catch(() => undefined);
    setOpen(!open);
  }

  function close() {
    setOpen(false);
    bellRef.current?.focus();
  }

  async function mark(input: { ids?: string[]; all?: boolean }) {
    try {
      const answer = await markRead({ variables: { input } });
      if (answer.data) {
        countRef.current = answer.data.markNotificationsRead.unreadCount;
        setCount(countRef.current);
      }
      await load({ variables: { first: pageSize } });
    } catch {
      // Shown from `marking.error`.
    }
  }

  const nodes = list.data?.notifications.edges.map((edge) => edge.node) ?? [];
  const label = shown > 0 ? t('notifications.bellUnread', { count: shown }) : t('notifications.bell');

  return (
    <div
      className="notification-centre"
      ref={wrapRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={bellRef}
        type="button"
        className="notification-centre__bell button button--ghost"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        onClick={toggle}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {shown > 0 && (
          <span className="notification-centre__count" data-testid="notification-count" aria-hidden="true">
            {shown > 99 ? '99+' : shown}
          </span>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite" data-testid="notification-live">
        {announcement}
      </span>
      {open && (
        <div
          id={panelId}
          ref={panelRef}
          className="notification-centre__panel"
          role="dialog"
          aria-label={t('notifications.heading')}
          tabIndex={-1}
          style={offset === null ? { visibility: 'hidden' } : { left: `${offset}px` }}
          data-testid="notification-panel"
        >
          <div className="notification-centre__head">
            <h2 className="notification-centre__title">{t('notifications.heading')}</h2>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void mark({ all: true })}
              disabled={marking.loading || shown === 0}
            >
              {t('notifications.markAll')}
            </button>
            <button type="button" className="button button--ghost" onClick={close}>
              {t('notifications.close')}
            </button>
          </div>
          {marking.error && (
            <p className="notification-centre__error" role="alert">
              {t('notifications.markError')}
            </p>
          )}
          {list.loading && !list.data ? (
            <p className="notification-centre__state" role="status">
              {t('common.loading')}
            </p>
          ) : list.error && !list.data ? (
            <div className="notification-centre__state" role="alert">
              <p>{t('notifications.loadError')}</p>
              <button
                type="button"
                className="button"
                onClick={() => void load({ variables: { first: pageSize } }).catch(() => undefined)}
              >
                {t('notifications.retry')}
              </button>
            </div>
          ) : nodes.length === 0 ? (
            <p className="notification-centre__state">{t('notifications.empty')}</p>
          ) : (
            <ul className="notification-centre__list" data-testid="notification-list">
              {nodes.map((node) => (
                <NotificationRow
                  key={node.id}
                  node={node}
                  time={formatDateTime(node.createdAt)}
                  onOpen={() => {
                    if (!node.readAt) void mark({ ids: [node.id] });
                    setOpen(false);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function NotificationRow({
  node,
  time,
  onOpen,
}: {
  node: NotificationFieldsFragment;
  time: string;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const path = notificationPath(node.event.subject);
  const title = notificationTitle(node.event.subject);
  const unread = !node.readAt;
  const body = (
    <>
      <span className="notification-centre__kind">
        {unread && <span className="visually-hidden">{t('notifications.unread')}: </span>}
        {t(`notifications.kinds.${node.kind}`)}
      </span>
      {title && <span className="notification-centre__subject">{title}</span>}
      <span className="notification-centre__meta">
        <time dateTime={node.createdAt}>{time}</time>
        {node.event.actor && <> · {t('notifications.by', { name: node.event.actor.fullName })}</>}
      </span>
    </>
  );
  return (
    <li
      className={
        unread ? 'notification-centre__item notification-centre__item--unread' : 'notification-centre__item'
      }
      data-testid="notification-item"
      data-kind={node.kind}
    >
      {path ? (
        <Link to={path} className="notification-centre__link" onClick={onOpen}>
          {body}
        </Link>
      ) : (
        <div className="notification-centre__link">{body}</div>
      )}
    </li>
  );
}
