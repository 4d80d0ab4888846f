import { ErrorCode } from '@quorum/shared';
import { RefusalCode } from '../security/refusal.js';

export type Language = 'vi' | 'en';

interface Explanation {
  /** What the code means. */
  meaning: string;
  /** What the client should do about it. */
  action: string;
}

/** Apollo Server's own codes that reach clients as they are (format-error.ts lets them through). */
type ApolloCode =
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'OPERATION_RESOLUTION_FAILURE';

/**
 * Every `extensions.code` a client can receive, explained in both languages for the guide at /docs. Typed by
 * the enums, so that a code added to `ErrorCode` or `RefusalCode` does not compile until it is explained here.
 */
export const errorCodeExplanations: Record<
  ErrorCode | RefusalCode | ApolloCode,
  Record<Language, Explanation>
> = {
  [ErrorCode.UNAUTHENTICATED]: {
    vi: {
      meaning:
        'Thiếu thông tin xác thực, hoặc phiên/mã API không hợp lệ, đã hết hạn, đã bị thu hồi (qua HTTP: mã 401).',
      action: 'Đăng nhập lại hoặc dùng một mã API còn hiệu lực; không thử lại với cùng thông tin.',
    },
    en: {
      meaning:
        'No credential, or the session or API token is invalid, expired or revoked (over HTTP: status 401).',
      action: 'Sign in again or use a valid API token; do not retry with the same credential.',
    },
  },
  [ErrorCode.FORBIDDEN]: {
    vi: {
      meaning:
        'Người xem không được làm việc này: thiếu quyền, thiếu phạm vi của mã API (READ không được ghi), hoặc một phiên trình duyệt gửi thao tác không có trong danh sách đã biết (PERSISTED_OPERATIONS=only).',
      action:
        'Đừng thử lại. Kiểm tra vai trò, phạm vi của mã API (WRITE để ghi), hoặc dùng mã API cho các thao tác riêng.',
    },
    en: {
      meaning:
        'The viewer may not do this: a missing right, an API token without the scope (READ cannot write), or a browser session sending an operation that is not a known one (PERSISTED_OPERATIONS=only).',
      action:
        'Do not retry. Check the role, the token’s scopes (WRITE to write), or use an API token for operations of your own.',
    },
  },
  [ErrorCode.NOT_FOUND]: {
    vi: {
      meaning: 'Không có đối tượng này, hoặc người xem không được đọc nó (hai trường hợp trả lời như nhau).',
      action: 'Kiểm tra mã định danh và quyền đọc; không thử lại.',
    },
    en: {
      meaning: 'No such object, or the viewer may not read it (both are answered alike).',
      action: 'Check the id and the viewer’s access; do not retry.',
    },
  },
  [ErrorCode.BAD_USER_INPUT]: {
    vi: {
      meaning:
        'Dữ liệu gửi lên không hợp lệ: sai định dạng, vượt giới hạn, hoặc không phù hợp trạng thái; `extensions.field` nêu trường sai.',
      action: 'Sửa trường được nêu rồi gửi lại; không có gì đã được ghi.',
    },
    en: {
      meaning:
        'The input is invalid: malformed, over a limit, or not allowed in the current state; `extensions.field` names the field.',
      action: 'Correct the named field and send again; nothing was written.',
    },
  },
  [ErrorCode.CONFLICT]: {
    vi: {
      meaning:
        'Người khác đã thay đổi đối tượng trước (`expectedVersion` cũ; `extensions.actualVersion` là phiên bản hiện tại), hoặc thao tác trùng với dữ liệu đã có.',
      action: 'Đọc lại đối tượng, áp dụng lại thay đổi trên phiên bản mới rồi gửi với `expectedVersion` mới.',
    },
    en: {
      meaning:
        'Someone else changed the object first (a stale `expectedVersion`; `extensions.actualVersion` is the current one), or the change clashes with existing data.',
      action:
        'Read the object again, reapply the change to the new version and send it with the new `expectedVersion`.',
    },
  },
  [ErrorCode.RATE_LIMITED]: {
    vi: {
      meaning:
        'Quá nhiều yêu cầu hoặc quá nhiều lần đăng nhập sai (HTTP 429 với `Retry-After`; `extensions.retryAfterSeconds`).',
      action: 'Chờ số giây được nêu rồi thử lại, giãn dần khoảng cách.',
    },
    en: {
      meaning:
        'Too many requests, or too many wrong passwords (HTTP 429 with `Retry-After`; `extensions.retryAfterSeconds`).',
      action: 'Wait the seconds given, then retry, backing off.',
    },
  },
  [ErrorCode.SERVICE_UNAVAILABLE]: {
    vi: {
      meaning:
        'Tạm thời không phục vụ được: cơ sở dữ liệu không kết nối được, hoặc một thuê bao trực tiếp bị tụt quá xa (HTTP 503 với `Retry-After`).',
      action:
        'Thử lại sau `retryAfterSeconds`. Với thao tác ghi, kiểm tra xem nó đã có hiệu lực chưa (dùng `expectedVersion`).',
    },
    en: {
      meaning:
        'Temporarily unavailable: the database cannot be reached, or a live subscriber fell too far behind (HTTP 503 with `Retry-After`).',
      action:
        'Retry after `retryAfterSeconds`. For a mutation, check whether it took effect (use `expectedVersion`).',
    },
  },
  [ErrorCode.INTERNAL_SERVER_ERROR]: {
    vi: {
      meaning: 'Lỗi không lường trước của máy chủ; chi tiết được ghi nhật ký kèm `extensions.requestId`.',
      action: 'Báo cho quản trị viên kèm `requestId` (cũng có trong tiêu đề `X-Request-Id`).',
    },
    en: {
      meaning: 'An unexpected server error; the details are logged with `extensions.requestId`.',
      action: 'Report it to the administrator with the `requestId` (also in the `X-Request-Id` header).',
    },
  },
  [RefusalCode.GRAPHQL_PARSE_FAILED]: {
    vi: {
      meaning: 'Văn bản truy vấn không phải GraphQL hợp lệ, hoặc có quá nhiều token.',
      action: 'Sửa truy vấn; thử lại nguyên văn sẽ bị từ chối như cũ.',
    },
    en: {
      meaning: 'The query text is not valid GraphQL, or has too many tokens.',
      action: 'Fix the query; sending it again unchanged is refused again.',
    },
  },
  [RefusalCode.GRAPHQL_VALIDATION_FAILED]: {
    vi: {
      meaning:
        'Truy vấn không khớp lược đồ, hoặc vượt một giới hạn truy vấn (`extensions.limit`: depth, aliases, directives, cost).',
      action: 'Sửa truy vấn theo tham chiếu; với giới hạn chi phí, giảm `first` hoặc chia nhỏ truy vấn.',
    },
    en: {
      meaning:
        'The query does not match the schema, or exceeds a query limit (`extensions.limit`: depth, aliases, directives, cost).',
      action: 'Fix the query against the reference; for the cost limit, lower `first` or split the query.',
    },
  },
  [RefusalCode.BAD_REQUEST]: {
    vi: {
      meaning:
        'Không phải một yêu cầu GraphQL: JSON hỏng, gửi theo lô, hoặc thiếu bảo vệ CSRF (cần tiêu đề `apollo-require-preflight` hoặc `Content-Type: application/json`).',
      action: 'Gửi POST JSON một thao tác mỗi yêu cầu.',
    },
    en: {
      meaning:
        'Not a GraphQL request: malformed JSON, a batch, or no CSRF protection (send `Content-Type: application/json` or an `apollo-require-preflight` header).',
      action: 'POST JSON, one operation per request.',
    },
  },
  [RefusalCode.PAYLOAD_TOO_LARGE]: {
    vi: {
      meaning: 'Thân yêu cầu, hoặc một thao tác WebSocket, lớn hơn giới hạn (HTTP 413).',
      action: 'Gửi ít dữ liệu hơn; tệp tải lên qua `POST /uploads`.',
    },
    en: {
      meaning: 'The request body, or a WebSocket operation, is larger than allowed (HTTP 413).',
      action: 'Send less; files go through `POST /uploads`.',
    },
  },
  [RefusalCode.UNSUPPORTED_MEDIA_TYPE]: {
    vi: {
      meaning: 'Tệp tải lên không thuộc loại được nhận, hoặc nội dung không đúng với tên tệp.',
      action: 'Tải lên tệp PDF, văn bản, bảng tính hoặc hình ảnh đúng loại.',
    },
    en: {
      meaning: 'An uploaded file is not of an accepted kind, or its content is not what its name says.',
      action: 'Upload a PDF, document, spreadsheet or image of the kind its name says.',
    },
  },
  [RefusalCode.TOO_MANY_SUBSCRIPTIONS]: {
    vi: {
      meaning: 'Quá nhiều thao tác cùng chạy trên một kết nối WebSocket; kết nối vẫn mở.',
      action: 'Kết thúc các thuê bao không dùng, hoặc mở kết nối khác.',
    },
    en: {
      meaning: 'Too many operations running at once on one WebSocket; the socket stays open.',
      action: 'Complete subscriptions you no longer need, or open another connection.',
    },
  },
  PERSISTED_QUERY_NOT_FOUND: {
    vi: {
      meaning: 'Máy chủ không biết mã băm (`extensions.persistedQuery.sha256Hash`) được gửi.',
      action: 'Gửi lại kèm văn bản truy vấn (liên kết persisted query của Apollo tự làm việc này).',
    },
    en: {
      meaning: 'The server does not know the hash sent (`extensions.persistedQuery.sha256Hash`).',
      action: 'Send it again with the query text (Apollo’s persisted query link does so itself).',
    },
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    vi: {
      meaning: 'Máy chủ tắt thao tác theo mã băm (`PERSISTED_OPERATIONS=off`).',
      action: 'Gửi văn bản truy vấn, không kèm `persistedQuery`.',
    },
    en: {
      meaning: 'Operations by hash are turned off on this server (`PERSISTED_OPERATIONS=off`).',
      action: 'Send the query text, without `persistedQuery`.',
    },
  },
  OPERATION_RESOLUTION_FAILURE: {
    vi: {
      meaning: 'Tài liệu có nhiều thao tác mà `operationName` không chọn được đúng một.',
      action: 'Gửi `operationName` trùng với một thao tác trong tài liệu.',
    },
    en: {
      meaning: 'The document holds several operations and `operationName` does not pick exactly one.',
      action: 'Send an `operationName` that names one operation of the document.',
    },
  },
};
