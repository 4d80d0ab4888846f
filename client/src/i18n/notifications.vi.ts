// Vietnamese texts of notifications: the header's notification centre and the preferences on /account. Merged
// into the resources at start (i18n/index.ts), since the header shows the bell on every page.
import { notificationKindsIn } from '@quorum/shared';
export const notificationsVi = {
  notifications: {
    bell: 'Thông báo',
    bellUnread_one: 'Thông báo: {{count}} chưa đọc',
    bellUnread_other: 'Thông báo: {{count}} chưa đọc',
    live_one: 'Bạn có {{count}} thông báo chưa đọc',
    live_other: 'Bạn có {{count}} thông báo chưa đọc',
    liveNone: 'Không còn thông báo chưa đọc',
    heading: 'Thông báo',
    close: 'Đóng',
    markAll: 'Đánh dấu tất cả đã đọc',
    empty: 'Chưa có thông báo nào.',
    loadError: 'Không tải được thông báo.',
    markError: 'Không đánh dấu được thông báo đã đọc.',
    retry: 'Thử lại',
    unread: 'Chưa đọc',
    by: 'bởi {{name}}',
    noLink: 'Không có trang riêng',
    more: 'Xem thêm',
    kinds: notificationKindsIn('vi'),
    preferences: {
      heading: 'Thông báo',
      intro:
        'Chọn loại thông báo bạn muốn nhận trong ứng dụng và qua thư điện tử. Thư chỉ được gửi khi máy chủ đã cấu hình thư điện tử, và chỉ với loại bạn nhận trong ứng dụng.',
      kind: 'Loại thông báo',
      inApp: 'Trong ứng dụng',
      email: 'Thư điện tử',
      saved: 'Đã lưu.',
      saveError: 'Không lưu được lựa chọn.',
      loadError: 'Không tải được lựa chọn thông báo.',
    },
  },
};

export type NotificationMessages = typeof notificationsVi;
