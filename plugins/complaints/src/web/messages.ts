/** The widget's strings; complaint type and severity names come from the metadata (admins may relabel them). */
export const messages = {
  en: {
    widget: 'Complaints', complaints: 'Complaints', total: 'Complaints', open: 'Open', slaBreaches: 'SLA breaches',
    avgResolution: 'Avg. resolution', byType: 'By type', bySeverity: 'By severity', minutes: 'min', hours: 'h', days: 'days',
    none: 'No complaints yet.', forbidden: 'You cannot see complaints.', failed: 'The complaints summary could not be loaded.', retry: 'Retry',
  },
  'zh-CN': {
    widget: '投诉概览', complaints: '投诉', total: '投诉总数', open: '处理中', slaBreaches: '超时未处理',
    avgResolution: '平均处理时长', byType: '按类型', bySeverity: '按严重程度', minutes: '分钟', hours: '小时', days: '天',
    none: '暂无投诉。', forbidden: '你无权查看投诉。', failed: '无法加载投诉概览。', retry: '重试',
  },
};
