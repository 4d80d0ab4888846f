// Vietnamese texts of the versions of a co-edited document (a proposal's draft, a meeting's minutes): the words
// both share. What differs by subject (the heading, "now", the restore question) is under `proposals.versions`
// and `minutes.versions`. Merged into the resources at start (i18n/index.ts).
export const versionsVi = {
  versions: {
    loadError: 'Không tải được các phiên bản.',
    empty: 'Chưa lưu phiên bản nào.',
    label: 'Tên phiên bản',
    labelRequired: 'Vui lòng đặt tên cho phiên bản.',
    create: 'Lưu phiên bản',
    kind: 'Loại',
    kinds: {
      MANUAL: 'Lưu thủ công',
      RESTORE_POINT: 'Trước khi khôi phục',
      STATUS_CHANGE: 'Khi chuyển trạng thái',
    },
    author: 'Người lưu',
    createdAt: 'Thời điểm',
    from: 'So sánh phiên bản',
    to: 'với',
    compare: 'So sánh',
    diffSummary: 'Thêm {{added}} ký tự, bớt {{removed}} ký tự.',
    diffUnavailable: 'Không so sánh được hai phiên bản này.',
    same: 'Hai bản giống nhau.',
    addedMark: '[thêm: ]',
    removedMark: '[bớt: ]',
    restore: 'Khôi phục',
    restoreYes: 'Khôi phục',
  },
};

export type VersionsMessages = typeof versionsVi;
