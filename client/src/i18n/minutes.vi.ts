// Vietnamese texts of a meeting's minutes (biên bản) in the meeting room. Merged into the resources at start
// (i18n/index.ts), as the task texts are: the room names the minutes before their editor is loaded. Words follow
// GLOSSARY.md.
export const minutesVi = {
  minutes: {
    heading: 'Biên bản',
    open: 'Mở biên bản',
    close: 'Thu gọn biên bản',
    loading: 'Đang mở biên bản…',
    loadError: 'Không mở được trình soạn thảo biên bản.',
    intro: 'Biên bản được lập sẵn từ chương trình họp; thư ký và Văn phòng cùng ghi trong cuộc họp.',
    mode: {
      edit: 'Bạn đang cùng ghi biên bản. Mọi thay đổi được lưu và hiện ngay cho người khác.',
      writing: 'Biên bản đang được thư ký ghi; bạn xem và theo dõi trực tiếp, không sửa được.',
      locked: 'Cuộc họp đã kết thúc: biên bản đã khoá, mọi người chỉ xem được.',
      notYet: 'Biên bản được ghi khi cuộc họp đã lên lịch hoặc đang diễn ra.',
    },
    summary: {
      edit: 'Bạn được ghi biên bản này.',
      read: 'Bạn xem được biên bản; thư ký và Văn phòng ghi.',
      updated: 'Lưu lần cuối lúc {{time}}.',
    },
    versions: {
      toggle: 'Phiên bản',
      heading: 'Các phiên bản của biên bản',
      current: 'Biên bản hiện tại',
      restoreConfirm:
        'Khôi phục biên bản về phiên bản “{{label}}”? Biên bản hiện tại được lưu lại trước khi khôi phục.',
    },
    downloads: {
      label: 'Tải biên bản',
      docx: 'Tải DOCX',
      pdf: 'Tải PDF',
      busy: 'Đang tải…',
      unavailable: 'Máy chủ chưa cung cấp biên bản ở dạng này.',
    },
    editor: {
      heading: 'Nội dung biên bản',
      connecting: 'Đang mở biên bản…',
      syncing: 'Đang đồng bộ biên bản…',
      disconnected:
        'Mất kết nối, đang kết nối lại… Nội dung bạn gõ được giữ trên máy này và sẽ gửi đi khi có kết nối.',
      saving: 'Đang lưu…',
      saved: 'Đã lưu, đang ghi cùng nhau',
      readOnly: 'Chỉ xem',
      together: 'Đang mở biên bản',
      empty: 'Biên bản chưa có nội dung.',
      unsynced: 'Chưa đồng bộ: thay đổi của bạn được giữ trên máy này và sẽ gửi đi khi có kết nối',
      refused: {
        FORBIDDEN: 'Bạn không có quyền xem biên bản này.',
        NOT_FOUND: 'Không mở được biên bản: cuộc họp không tồn tại hoặc bạn không có quyền xem.',
        UNAUTHENTICATED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
      },
    },
  },
};

export type MinutesMessages = typeof minutesVi;
