/** Subjects and texts for activities, tickets, deals and campaigns, [Chinese, English]. */
export const ACTIVITY_SUBJECTS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  call: [['电话沟通需求', 'Call about requirements'], ['跟进报价反馈', 'Follow up on the quote'], ['确认付款进度', 'Check payment status']],
  meeting: [['方案演示会议', 'Solution demo'], ['商务谈判', 'Commercial negotiation'], ['季度业务回顾', 'Quarterly business review']],
  email: [['发送产品资料', 'Send product brochure'], ['发送合同草案', 'Send draft contract'], ['节日问候', 'Season greetings']],
  visit: [['上门拜访客户', 'On-site customer visit'], ['工厂参观', 'Factory tour'], ['售后回访', 'After-sales visit']],
  note: [['客户关注交付周期', 'Customer cares about lead time'], ['决策人已变更', 'Decision maker changed'], ['预算下季度审批', 'Budget approved next quarter']],
};

export const TICKET_SUBJECTS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  product: [['设备无法开机', 'Device does not power on'], ['软件登录异常', 'Cannot sign in to the software']],
  billing: [['发票抬头有误', 'Wrong name on the invoice'], ['重复扣款', 'Charged twice']],
  delivery: [['物流延迟', 'Delivery is late'], ['收到货物破损', 'Goods arrived damaged']],
  complaint: [['服务态度投诉', 'Complaint about service'], ['安装人员未按时到达', 'Installer did not show up']],
  consultation: [['咨询续费政策', 'Question about renewal'], ['咨询产品升级', 'Question about upgrades']],
  other: [['资料更新申请', 'Please update our details']],
};

export const DEAL_NAMES: readonly (readonly [string, string])[] = [
  ['年度采购项目', 'Annual purchase'], ['信息化升级', 'IT upgrade'], ['设备更新', 'Equipment renewal'], ['新门店拓展', 'New store roll-out'],
  ['年度服务合同', 'Annual service contract'], ['系统集成项目', 'System integration'], ['试点合作', 'Pilot project'], ['扩容订单', 'Expansion order'],
];

export const CAMPAIGN_NAMES: readonly (readonly [string, string])[] = [
  ['春季新品发布会', 'Spring launch event'], ['行业峰会展位', 'Industry summit booth'], ['618年中大促', '618 mid-year sale'],
  ['线上研讨会：数字化转型', 'Webinar: going digital'], ['双十一促销', 'Singles Day promotion'], ['老客户回馈计划', 'Customer loyalty drive'],
  ['微信公众号推广', 'WeChat channel promotion'], ['年终答谢会', 'Year-end customer gala'],
];

export const TAGS: readonly string[] = ['VIP', '重点跟进', '老客户', 'new', '华东', '华南', '华北', 'key account', '展会获客', 'referral'];
