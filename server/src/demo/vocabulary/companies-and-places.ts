/** Chinese cities with their province (all in China). */
export const CHINESE_CITIES: readonly (readonly [string, string])[] = [
  ['上海', '上海'], ['北京', '北京'], ['深圳', '广东'], ['广州', '广东'], ['杭州', '浙江'], ['宁波', '浙江'], ['南京', '江苏'],
  ['苏州', '江苏'], ['成都', '四川'], ['武汉', '湖北'], ['西安', '陕西'], ['重庆', '重庆'], ['天津', '天津'], ['长沙', '湖南'],
  ['青岛', '山东'], ['厦门', '福建'], ['合肥', '安徽'], ['郑州', '河南'], ['沈阳', '辽宁'], ['昆明', '云南'],
];

/** Cities abroad with their country. */
export const WORLD_CITIES: readonly (readonly [string, string])[] = [
  ['Singapore', 'Singapore'], ['Hong Kong', 'China'], ['London', 'United Kingdom'], ['New York', 'United States'],
  ['San Francisco', 'United States'], ['Sydney', 'Australia'], ['Toronto', 'Canada'], ['Berlin', 'Germany'],
  ['Tokyo', 'Japan'], ['Kuala Lumpur', 'Malaysia'],
];

export const CHINESE_STREETS: readonly string[] = ['人民路', '解放路', '中山路', '建设大道', '科技园路', '世纪大道', '长江路', '和平街', '新华路', '滨江大道'];
export const ENGLISH_STREETS: readonly string[] = ['Market Street', 'King Street', 'Harbour Road', 'Orchard Road', 'Queen Street', 'Park Avenue', 'Bay Street'];

/** Trade names with pinyin for web and e-mail domains. */
export const CHINESE_TRADE_NAMES: readonly (readonly [string, string])[] = [
  ['华信', 'huaxin'], ['恒通', 'hengtong'], ['宏达', 'hongda'], ['金鼎', 'jinding'], ['瑞丰', 'ruifeng'], ['天成', 'tiancheng'],
  ['鼎盛', 'dingsheng'], ['中联', 'zhonglian'], ['博远', 'boyuan'], ['新锐', 'xinrui'], ['华润达', 'huarunda'], ['远航', 'yuanhang'],
  ['盛世', 'shengshi'], ['东方', 'dongfang'], ['启明', 'qiming'], ['智汇', 'zhihui'], ['嘉禾', 'jiahe'], ['永安', 'yongan'],
  ['云帆', 'yunfan'], ['海纳', 'haina'], ['卓越', 'zhuoyue'], ['万象', 'wanxiang'], ['联创', 'lianchuang'], ['百川', 'baichuan'],
];

export const ENGLISH_TRADE_NAMES: readonly string[] = [
  'Apex', 'Blue River', 'Northwind', 'Summit', 'Evergreen', 'Harbor', 'Silverline', 'Brightpath', 'Ironwood', 'Cedar',
  'Redstone', 'Oakridge', 'Lighthouse', 'Pioneer', 'Crescent', 'Atlas',
];

/** Per industry option key: the Chinese business word and the English one. */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  retail: ['商贸', 'Retail'], manufacturing: ['精密制造', 'Manufacturing'], technology: ['信息科技', 'Technologies'],
  finance: ['投资管理', 'Capital'], healthcare: ['医疗器械', 'Health'], education: ['教育科技', 'Learning'],
  real_estate: ['置业', 'Properties'], logistics: ['物流', 'Logistics'], energy: ['新能源', 'Energy'],
  government: ['公共服务', 'Public Services'], hospitality: ['餐饮管理', 'Hospitality'], other: ['实业', 'Group'],
};

export const CHINESE_COMPANY_FORMS: readonly string[] = ['有限公司', '股份有限公司', '集团有限公司'];
export const ENGLISH_COMPANY_FORMS: readonly string[] = ['Ltd.', 'Inc.', 'Co.', 'Pte. Ltd.', 'LLC'];
