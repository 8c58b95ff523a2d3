/** The panel's strings; tier and transaction type names come from the metadata (admins may relabel them). */
export const messages = {
  en: {
    balance: 'Points balance', tier: 'Tier', lifetime: 'Lifetime points', history: 'Points history',
    nextTier: '{points} more points to {tier}', noHistory: 'No points yet',
    when: 'When', type: 'Type', points: 'Points', reason: 'Reason',
    forbidden: 'You cannot see loyalty points.', failed: 'The loyalty account could not be loaded.', retry: 'Retry',
  },
  'zh-CN': {
    balance: '积分余额', tier: '会员等级', lifetime: '累计积分', history: '积分明细',
    nextTier: '再获得 {points} 积分升级为{tier}', noHistory: '暂无积分记录',
    when: '时间', type: '类型', points: '积分', reason: '原因',
    forbidden: '你无权查看会员积分。', failed: '无法加载会员账户。', retry: '重试',
  },
};
