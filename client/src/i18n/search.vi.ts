// Vietnamese texts of search: the header's box and the results page. Merged into the resources at start
// (i18n/index.ts), since the header shows the box on every page.
export const searchVi = {
  search: {
    label: 'Tìm kiếm',
    placeholder: 'Tìm kiếm… (/)',
    hint: 'Nhấn / để tìm kiếm',
    submit: 'Tìm',
    heading: 'Tìm kiếm',
    headingFor: 'Kết quả cho “{{query}}”',
    prompt:
      'Nhập từ khóa để tìm cuộc họp, nội dung, đề án, tờ trình, ý kiến và nhiệm vụ. Có thể gõ không dấu.',
    empty: 'Không tìm thấy kết quả nào cho “{{query}}”.',
    emptyHint: 'Thử từ khóa khác hoặc ngắn hơn.',
    loadError: 'Không tải được kết quả tìm kiếm.',
    total: 'Tìm thấy {{count}} kết quả',
    more: 'Xem thêm kết quả',
    inMeeting: 'Cuộc họp: {{title}}',
    onProposal: 'Ý kiến về: {{title}}',
    kinds: {
      MEETING: 'Cuộc họp',
      AGENDA_ITEM: 'Nội dung chương trình họp',
      PROPOSAL: 'Đề án, tờ trình',
      COMMENT: 'Ý kiến thẩm định',
      TASK: 'Nhiệm vụ',
    },
    groupCount: '{{kind}} ({{count}})',
  },
};

export type SearchMessages = typeof searchVi;
