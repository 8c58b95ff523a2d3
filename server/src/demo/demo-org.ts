/** The demo sales organisation: two sales teams under a director, service and marketing. */
export interface DemoPersonSpec {
  key: string;
  name: string;
  email: string;
  roles: string[];
  team?: 'east' | 'south';
  manager?: string;
  locale: 'zh-CN' | 'en';
}

export const DEMO_TEAMS = { east: '华东销售部 East Sales', south: '华南销售部 South Sales' } as const;

export const DEMO_PEOPLE: readonly DemoPersonSpec[] = [
  { key: 'director', name: '王建国', email: 'jianguo.wang@demo.loom.local', roles: ['sales_director'], locale: 'zh-CN' },
  { key: 'east_mgr', name: '李志强', email: 'zhiqiang.li@demo.loom.local', roles: ['sales_manager'], team: 'east', manager: 'director', locale: 'zh-CN' },
  { key: 'south_mgr', name: '陈晓燕', email: 'xiaoyan.chen@demo.loom.local', roles: ['sales_manager'], team: 'south', manager: 'director', locale: 'zh-CN' },
  { key: 'rep_zhang', name: '张伟', email: 'wei.zhang@demo.loom.local', roles: ['sales_rep'], team: 'east', manager: 'east_mgr', locale: 'zh-CN' },
  { key: 'rep_liu', name: '刘芳', email: 'fang.liu@demo.loom.local', roles: ['sales_rep'], team: 'east', manager: 'east_mgr', locale: 'zh-CN' },
  { key: 'rep_kevin', name: 'Kevin Brown', email: 'kevin.brown@demo.loom.local', roles: ['sales_rep'], team: 'east', manager: 'east_mgr', locale: 'en' },
  { key: 'rep_huang', name: '黄磊', email: 'lei.huang@demo.loom.local', roles: ['sales_rep'], team: 'south', manager: 'south_mgr', locale: 'zh-CN' },
  { key: 'rep_lin', name: '林婷婷', email: 'tingting.lin@demo.loom.local', roles: ['sales_rep'], team: 'south', manager: 'south_mgr', locale: 'zh-CN' },
  { key: 'rep_grace', name: 'Grace Lee', email: 'grace.lee@demo.loom.local', roles: ['sales_rep'], team: 'south', manager: 'south_mgr', locale: 'en' },
  { key: 'service', name: '周静', email: 'jing.zhou@demo.loom.local', roles: ['service_agent'], locale: 'zh-CN' },
  { key: 'service_en', name: 'Emily Clark', email: 'emily.clark@demo.loom.local', roles: ['service_agent'], locale: 'en' },
  { key: 'marketing', name: '赵欣怡', email: 'xinyi.zhao@demo.loom.local', roles: ['marketing'], locale: 'zh-CN' },
];
