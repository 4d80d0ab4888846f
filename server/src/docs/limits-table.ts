import { limits as sharedLimits } from '@quorum/shared';
import type { Config } from '../config/config.js';
import { requestLimits } from '../config/limits.js';
import type { Language } from './error-codes.js';

/** One row of the guide's table of limits: the limit, its value on this server, and what passing it does. */
type Row = [limit: string, value: string, over: string];

/**
 * The limits this server applies, read from its configuration and `requestLimits`, so that the guide says what
 * the server does rather than what a copy once said. Markdown cells (code spans are rendered).
 */
export function limitRows(config: Config, language: Language): Row[] {
  const n = (value: number) => value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const kB = (bytes: number) => `${n(Math.round(bytes / 1024))} kB`;
  const MiB = (bytes: number) => `${n(bytes / 1024 / 1024)} MiB`;
  const seconds = (ms: number) => `${n(ms / 1000)} s`;
  const { requestRate: http, operationRate: ws, loginLimit: login } = config;
  const vi = language === 'vi';
  const rows: Row[] = vi
    ? [
        [
          'Yêu cầu HTTP của một máy khách (một người dùng đã đăng nhập, nếu không thì một địa chỉ), trên một máy chủ',
          `${n(http.burst)} cùng lúc, rồi ${n(http.perSecond)} mỗi giây, ${n(http.inFlight)} đang chạy cùng lúc`,
          '`RATE_LIMITED`, HTTP 429 với `Retry-After`',
        ],
        [
          'Thao tác bắt đầu trên một WebSocket',
          `${n(ws.operationBurstPerSocket)} cùng lúc, rồi ${n(ws.operationsPerSecondPerSocket)} mỗi giây`,
          '`RATE_LIMITED` với `retryAfterSeconds`; kết nối vẫn mở',
        ],
        [
          'Thao tác của một người dùng trên mọi WebSocket của họ',
          `${n(ws.operationBurstPerUser)} cùng lúc, rồi ${n(ws.operationsPerSecondPerUser)} mỗi giây`,
          '`RATE_LIMITED`',
        ],
        [
          'Mật khẩu sai được kiểm tra',
          `${n(login.perAccount)} mỗi tài khoản, ${n(login.perAddress)} mỗi địa chỉ trong ${n(login.windowMinutes)} phút`,
          '`RATE_LIMITED`',
        ],
        [
          'Thân yêu cầu HTTP, một thao tác WebSocket',
          kB(requestLimits.maxBodyBytes),
          '`PAYLOAD_TOO_LARGE` (HTTP 413)',
        ],
        ['Một khung WebSocket', MiB(requestLimits.maxWebSocketFrameBytes), 'kết nối đóng với mã 1009'],
        ['Token trong một tài liệu', n(requestLimits.maxTokens), '`GRAPHQL_PARSE_FAILED`'],
        [
          'Độ sâu (fragment tính theo các trường nó chứa)',
          n(requestLimits.maxDepth),
          '`GRAPHQL_VALIDATION_FAILED`, `limit: "depth"`',
        ],
        [
          'Bí danh (alias), kể cả `__typename`',
          n(requestLimits.maxAliases),
          '`GRAPHQL_VALIDATION_FAILED`, `limit: "aliases"`',
        ],
        [
          'Chỉ thị (directive)',
          n(requestLimits.maxDirectives),
          '`GRAPHQL_VALIDATION_FAILED`, `limit: "directives"`',
        ],
        [
          'Chi phí: mỗi trường 1 cộng phần chọn của nó, một connection nhân với số phần tử trang (`first`)',
          n(requestLimits.maxCost),
          '`GRAPHQL_VALIDATION_FAILED`, `limit: "cost"`',
        ],
        [
          'Số phần tử một trang (`first`)',
          `${n(requestLimits.pageSizeDefault)} khi bỏ trống, tối đa ${n(requestLimits.pageSizeMax)}`,
          'giảm xuống mức tối đa; số âm là `BAD_USER_INPUT`',
        ],
        [
          'Thao tác cùng chạy trên một WebSocket',
          n(requestLimits.maxSubscriptionsPerConnection),
          '`TOO_MANY_SUBSCRIPTIONS`',
        ],
        [
          'Thời gian gửi `connection_init`',
          seconds(requestLimits.connectionInitTimeoutMs),
          'kết nối đóng với mã 4408',
        ],
        [
          'Dữ liệu chờ gửi tới một WebSocket (máy khách không đọc)',
          MiB(requestLimits.maxSendBufferBytes),
          'kết nối đóng với mã 4413',
        ],
        ['Một tệp đính kèm', MiB(sharedLimits.attachmentBytesMax), 'HTTP 413'],
        [
          'Phiên đăng nhập',
          `hết hạn sau ${n(config.sessionIdleHours)} giờ không dùng, tối đa ${n(config.sessionMaxDays)} ngày; ${n(config.sessionsPerUser)} phiên mỗi người`,
          '`UNAUTHENTICATED`; phiên cũ nhất bị đóng',
        ],
        [
          'Gửi lại webhook thất bại',
          `lần đầu sau ${seconds(config.webhooks.firstRetryMs)}, gấp đôi mỗi lần (tối đa 1 giờ), trong ${n(config.webhooks.retryWindowMs / 3_600_000)} giờ`,
          'lần gửi `FAILED`, webhook bị tắt, chủ sở hữu được báo',
        ],
      ]
    : [
        [
          'HTTP requests of one client (a signed-in user, else an address), on one instance',
          `${n(http.burst)} at once, then ${n(http.perSecond)} a second, ${n(http.inFlight)} running at once`,
          '`RATE_LIMITED`, HTTP 429 with `Retry-After`',
        ],
        [
          'Operations started on one WebSocket',
          `${n(ws.operationBurstPerSocket)} at once, then ${n(ws.operationsPerSecondPerSocket)} a second`,
          '`RATE_LIMITED` with `retryAfterSeconds`; the socket stays open',
        ],
        [
          'Operations of one user across their WebSockets',
          `${n(ws.operationBurstPerUser)} at once, then ${n(ws.operationsPerSecondPerUser)} a second`,
          '`RATE_LIMITED`',
        ],
        [
          'Wrong passwords checked',
          `${n(login.perAccount)} per account, ${n(login.perAddress)} per address in ${n(login.windowMinutes)} minutes`,
          '`RATE_LIMITED`',
        ],
        [
          'HTTP request body, one WebSocket operation',
          kB(requestLimits.maxBodyBytes),
          '`PAYLOAD_TOO_LARGE` (HTTP 413)',
        ],
        ['One WebSocket frame', MiB(requestLimits.maxWebSocketFrameBytes), 'the socket closes with 1009'],
        ['Tokens in a document', n(requestLimits.maxTokens), '`GRAPHQL_PARSE_FAILED`'],
        [
          'Depth (fragments count as the fields they hold)',
          n(requestLimits.maxDepth),
          '`GRAPHQL_VALIDATION_FAILED`, `limit: "depth"`',
        ],
        [
          'Aliases, `__typename` included',
          n(requestLimits.maxAliases),
          '`GRAPHQL_VALIDATION_FAILED`, `limit: "aliases"`',
        ],
        ['Directives', n(requestLimits.maxDirectives), '`GRAPHQL_VALIDATION_FAILED`, `limit: "directives"`'],
        [
          'Cost: each field 1 plus its selection, a connection times its page size (`first`)',
          n(requestLimits.maxCost),
          '`GRAPHQL_VALIDATION_FAILED`, `limit: "cost"`',
        ],
        [
          'Page size (`first`)',
          `${n(requestLimits.pageSizeDefault)} when absent, at most ${n(requestLimits.pageSizeMax)}`,
          'clamped to the maximum; negative is `BAD_USER_INPUT`',
        ],
        [
          'Operations running at once on one WebSocket',
          n(requestLimits.maxSubscriptionsPerConnection),
          '`TOO_MANY_SUBSCRIPTIONS`',
        ],
        [
          'Time to send `connection_init`',
          seconds(requestLimits.connectionInitTimeoutMs),
          'the socket closes with 4408',
        ],
        [
          'Bytes waiting to be sent to one WebSocket (a client that does not read)',
          MiB(requestLimits.maxSendBufferBytes),
          'the socket closes with 4413',
        ],
        ['One attached file', MiB(sharedLimits.attachmentBytesMax), 'HTTP 413'],
        [
          'Sessions',
          `end after ${n(config.sessionIdleHours)} idle hours, at most ${n(config.sessionMaxDays)} days; ${n(config.sessionsPerUser)} per user`,
          '`UNAUTHENTICATED`; the least recently used are ended',
        ],
        [
          'Retries of a failed webhook delivery',
          `first after ${seconds(config.webhooks.firstRetryMs)}, doubling (at most an hour apart), for ${n(config.webhooks.retryWindowMs / 3_600_000)} hours`,
          'the delivery is `FAILED`, the webhook disabled, its owner notified',
        ],
      ];
  return rows;
}
