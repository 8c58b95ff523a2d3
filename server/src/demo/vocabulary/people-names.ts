/** Chinese surnames and given names with their pinyin (for e-mail addresses), most common first. */
export const CHINESE_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
];

export const CHINESE_GIVEN_NAMES: readonly (readonly [string, string, 'male' | 'female'])[] = [
  ['伟', 'wei', 'male'], ['芳', 'fang', 'female'], ['娜', 'na', 'female'], ['秀英', 'xiuying', 'female'], ['敏', 'min', 'female'],
  ['静', 'jing', 'female'], ['丽', 'li', 'female'], ['强', 'qiang', 'male'], ['磊', 'lei', 'male'], ['军', 'jun', 'male'],
  ['洋', 'yang', 'male'], ['勇', 'yong', 'male'], ['艳', 'yan', 'female'], ['杰', 'jie', 'male'], ['娟', 'juan', 'female'],
  ['涛', 'tao', 'male'], ['明', 'ming', 'male'], ['超', 'chao', 'male'], ['秀兰', 'xiulan', 'female'], ['霞', 'xia', 'female'],
  ['平', 'ping', 'male'], ['刚', 'gang', 'male'], ['浩然', 'haoran', 'male'], ['子轩', 'zixuan', 'male'], ['梓涵', 'zihan', 'female'],
  ['欣怡', 'xinyi', 'female'], ['宇航', 'yuhang', 'male'], ['雨桐', 'yutong', 'female'], ['思远', 'siyuan', 'male'], ['佳琪', 'jiaqi', 'female'],
  ['建国', 'jianguo', 'male'], ['晓燕', 'xiaoyan', 'female'], ['志强', 'zhiqiang', 'male'], ['海燕', 'haiyan', 'female'], ['文博', 'wenbo', 'male'],
  ['一鸣', 'yiming', 'male'], ['诗涵', 'shihan', 'female'], ['俊杰', 'junjie', 'male'], ['婷婷', 'tingting', 'female'], ['鹏', 'peng', 'male'],
];

export const ENGLISH_FIRST_NAMES: readonly (readonly [string, 'male' | 'female'])[] = [
  ['James', 'male'], ['Mary', 'female'], ['Robert', 'male'], ['Patricia', 'female'], ['John', 'male'], ['Jennifer', 'female'],
  ['Michael', 'male'], ['Linda', 'female'], ['David', 'male'], ['Elizabeth', 'female'], ['William', 'male'], ['Susan', 'female'],
  ['Daniel', 'male'], ['Emily', 'female'], ['Thomas', 'male'], ['Sarah', 'female'], ['Andrew', 'male'], ['Olivia', 'female'],
  ['Kevin', 'male'], ['Grace', 'female'], ['Ryan', 'male'], ['Chloe', 'female'], ['Ethan', 'male'], ['Sophia', 'female'],
];

export const ENGLISH_LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
  'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'King', 'Wright', 'Scott',
];

/** Job titles and departments, [Chinese, English]. */
export const JOB_TITLES: readonly (readonly [string, string])[] = [
  ['总经理', 'General Manager'], ['采购经理', 'Purchasing Manager'], ['采购专员', 'Buyer'], ['财务总监', 'CFO'],
  ['技术总监', 'CTO'], ['IT经理', 'IT Manager'], ['运营经理', 'Operations Manager'], ['市场经理', 'Marketing Manager'],
  ['行政主管', 'Office Manager'], ['销售总监', 'Sales Director'], ['项目经理', 'Project Manager'], ['工程师', 'Engineer'],
];

export const DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['采购部', 'Procurement'], ['财务部', 'Finance'], ['信息技术部', 'IT'], ['运营部', 'Operations'], ['市场部', 'Marketing'],
  ['总经办', 'Management'], ['行政部', 'Administration'], ['研发部', 'R&D'],
];
