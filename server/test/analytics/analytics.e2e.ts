import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { setUpAnalyticsData, type AnalyticsData } from './analytics-data.js';

// Expected numbers are computed by hand from analytics-data.ts (HISTORY, orders, activities).
let d: AnalyticsData;
beforeAll(async () => {
  d = await setUpAnalyticsData();
});
afterAll(() => d?.server.stop());

const stage = (key: string, label: string, entered: number, converted: number, conversionRate: number, medianDaysInStage: number | null) =>
  ({ key, label, entered, converted, conversionRate, medianDaysInStage });

describe('funnel', () => {
  it('counts entries, later conversions and median days per stage over all history', async () => {
    const res = await d.admin.get('/api/analytics/funnel?pipeline=sales');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      pipeline: 'sales',
      stages: [
        stage('lead', 'Lead', 8, 6, 0.75, 4), stage('qualified', 'Qualified', 5, 3, 0.6, 8), stage('proposal', 'Proposal', 4, 3, 0.75, 10),
        stage('negotiation', 'Negotiation', 3, 2, 0.6667, 16), stage('won', 'Won', 2, 0, 0, null), stage('lost', 'Lost', 2, 0, 0, null),
      ],
    });
  });

  it('takes the entries and moves out of a window (inclusive dates)', async () => {
    const res = await d.admin.get('/api/analytics/funnel?pipeline=sales&from=2026-02-01&to=2026-02-28');
    expect(res.body.stages).toEqual([
      stage('lead', 'Lead', 3, 1, 0.3333, 7), stage('qualified', 'Qualified', 1, 0, 0, null), stage('proposal', 'Proposal', 0, 0, 0, 16),
      stage('negotiation', 'Negotiation', 1, 0, 0, 27), stage('won', 'Won', 1, 0, 0, null), stage('lost', 'Lost', 1, 0, 0, null),
    ]);
  });

  it("counts only a rep's own records (rep3 is alone in team West)", async () => {
    const res = await d.as.rep3.get('/api/analytics/funnel?pipeline=sales');
    expect(res.body.stages).toEqual([
      stage('lead', 'Lead', 3, 2, 0.6667, 4), stage('qualified', 'Qualified', 2, 1, 0.5, 6), stage('proposal', 'Proposal', 1, 1, 1, 10),
      stage('negotiation', 'Negotiation', 1, 1, 1, 27), stage('won', 'Won', 1, 0, 0, null), stage('lost', 'Lost', 1, 0, 0, null),
    ]);
  });
});

describe('forecast', () => {
  it('sums open, weighted (stage probability) and won amounts per close month', async () => {
    const res = await d.admin.get('/api/analytics/forecast?pipeline=sales&period=month');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      periods: [
        { period: '2026-01', open: 0, weighted: 0, won: 1000 },
        { period: '2026-02', open: 3500, weighted: 2000, won: 3000 },
        { period: '2026-03', open: 800, weighted: 160, won: 0 },
      ],
    });
  });

  it('groups by quarter and bounds the close date', async () => {
    expect((await d.admin.get('/api/analytics/forecast?pipeline=sales&period=quarter')).body.periods).toEqual([{ period: '2026-Q1', open: 4300, weighted: 2160, won: 4000 }]);
    expect((await d.admin.get('/api/analytics/forecast?pipeline=sales&from=2026-02-01&to=2026-02-14')).body.periods).toEqual([{ period: '2026-02', open: 2000, weighted: 1400, won: 0 }]);
  });

  it("sums only a rep's own deals", async () => {
    expect((await d.as.rep3.get('/api/analytics/forecast?pipeline=sales')).body.periods).toEqual([
      { period: '2026-02', open: 0, weighted: 0, won: 3000 },
      { period: '2026-03', open: 800, weighted: 160, won: 0 },
    ]);
  });

  it('refuses a caller who may not read the amount (403), and answers the funnel, which does not read it', async () => {
    expect((await d.admin.get('/api/analytics/forecast?pipeline=sales')).body.periods).toHaveLength(3);
    const p = expectProblem(await d.as.blind.get('/api/analytics/forecast?pipeline=sales'), 403);
    expect(p.errors).toEqual([{ path: '/fields/opportunity.amount', message: 'is a field you cannot read' }]);
    expect((await d.as.blind.get('/api/analytics/funnel?pipeline=sales')).body.stages[0]).toMatchObject({ key: 'lead', entered: 8 });
  });
});

describe('rfm', () => {
  const customer = (key: string, recency: number, frequency: number, monetary: number, r: number, f: number, m: number, segment: string) =>
    ({ id: d.id[key], title: `Customer ${key}`, recency, frequency, monetary, r, f, m, segment });

  it('scores paid orders per contact with NTILE(5) and names the segments', async () => {
    const res = await d.admin.get('/api/analytics/rfm?object=contact');
    expect(res.status).toBe(200);
    expect(res.body.customers).toEqual([
      customer('K1', 5, 3, 1000, 5, 4, 4, 'champion'), customer('K2', 10, 1, 100, 4, 1, 2, 'new'),
      customer('K3', 30, 2, 800, 3, 3, 3, 'loyal'), customer('K4', 90, 1, 50, 2, 1, 1, 'hibernating'),
      customer('K5', 200, 4, 3500, 1, 5, 5, 'at_risk'), customer('K6', 365, 1, 20, 1, 2, 1, 'lost'),
    ]);
    expect(res.body.segments).toEqual({ champion: 1, loyal: 1, potential: 0, new: 1, at_risk: 1, hibernating: 1, lost: 1 });
  });

  it("scores only a rep's own orders and customers", async () => {
    const res = await d.as.rep3.get('/api/analytics/rfm?object=contact');
    expect(res.body.customers).toEqual([customer('K3', 30, 2, 800, 2, 2, 2, 'hibernating'), customer('K4', 90, 1, 50, 1, 1, 1, 'lost')]);
    expect(res.body.segments).toEqual({ champion: 0, loyal: 0, potential: 0, new: 0, at_risk: 0, hibernating: 1, lost: 1 });
  });

  it('scores accounts by the orders pointing at them', async () => {
    const res = await d.admin.get('/api/analytics/rfm?object=account');
    expect(res.body.customers).toEqual([
      { id: d.id.accEast, title: 'East Corp', recency: 5, frequency: 9, monetary: 4620, r: 2, f: 2, m: 2, segment: 'hibernating' },
      { id: d.id.accWest, title: 'West Corp', recency: 30, frequency: 3, monetary: 850, r: 1, f: 1, m: 1, segment: 'lost' },
    ]);
  });
});

describe('performance', () => {
  const owner = (key: string, wonAmount: number, wonCount: number, lostCount: number, winRate: number, activities: number) =>
    ({ owner: d.id[key], name: key, wonAmount, wonCount, lostCount, winRate, activities });

  it('totals deals closed and activities in the window per owner', async () => {
    const res = await d.admin.get('/api/analytics/performance?from=2026-01-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ owners: [owner('rep3', 3000, 1, 1, 0.5, 3), owner('rep1', 1000, 1, 1, 0.5, 2), owner('rep2', 0, 0, 0, 0, 1)] });
    expect((await d.admin.get('/api/analytics/performance?from=2026-02-01&to=2026-02-28')).body.owners)
      .toEqual([owner('rep3', 3000, 1, 1, 0.5, 1), owner('rep1', 0, 0, 0, 0, 1)]);
  });

  it("shows a rep only their own numbers", async () => {
    expect((await d.as.rep3.get('/api/analytics/performance?from=2026-01-01&to=2026-03-31')).body).toEqual({ owners: [owner('rep3', 3000, 1, 1, 0.5, 3)] });
  });

  it('defaults to the current calendar month', async () => {
    const res = await d.admin.get('/api/analytics/performance?period=month');
    expect(res.status).toBe(200);
    expect(res.body.owners.every((o: { wonCount: number }) => o.wonCount === 0)).toBe(true);
  });
});

describe('campaign ROI', () => {
  it('sets cost against the won amount of attributed opportunities', async () => {
    const res = await d.admin.get('/api/analytics/campaigns');
    expect(res.status).toBe(200);
    expect(res.body.campaigns).toEqual([
      { id: d.id.C2, name: '双十一 webinar', cost: 2000, opportunities: 1, wonCount: 1, wonAmount: 3000, roi: 0.5 },
      { id: d.id.C1, name: 'Spring expo', cost: 500, opportunities: 2, wonCount: 1, wonAmount: 1000, roi: 1 },
      { id: d.id.C3, name: 'Newsletter', cost: 0, opportunities: 0, wonCount: 0, wonAmount: 0, roi: null },
    ]);
    expect((await d.as.mkt.get('/api/analytics/campaigns')).body).toEqual(res.body);
  });

  it('refuses a sales rep, whose role hides campaign cost (403)', async () => {
    const p = expectProblem(await d.as.rep3.get('/api/analytics/campaigns'), 403);
    expect(p.errors).toEqual([{ path: '/fields/campaign.cost', message: 'is a field you cannot read' }]);
  });
});

describe('parameters', () => {
  it('refuses unknown and malformed parameters (400) and unknown pipelines (404)', async () => {
    expect(expectProblem(await d.admin.get('/api/analytics/funnel?pipeline=sales&limit=3'), 400).errors![0].path).toBe('/limit');
    expect(expectProblem(await d.admin.get('/api/analytics/funnel'), 400).errors![0].path).toBe('/pipeline');
    expect(expectProblem(await d.admin.get('/api/analytics/forecast?pipeline=sales&period=week'), 400).errors![0].path).toBe('/period');
    expect(expectProblem(await d.admin.get('/api/analytics/performance?from=2026-13-01'), 400).errors![0].path).toBe('/from');
    expect(expectProblem(await d.admin.get('/api/analytics/rfm?object=campaign'), 400).errors![0].path).toBe('/object');
    expect(expectProblem(await d.admin.get('/api/analytics/campaigns?x=1'), 400).errors![0].path).toBe('/x');
    expectProblem(await d.admin.get('/api/analytics/funnel?pipeline=nope'), 404);
    expectProblem(await d.admin.get('/api/analytics/rfm?object=nope'), 404);
    expectProblem(await d.admin.get('/api/analytics/forecast?pipeline=sales&pipeline=lead'), 400);
  });

  it('needs credentials', async () => {
    expect((await fetch(`${d.server.url}/api/analytics/funnel?pipeline=sales`)).status).toBe(401);
  });
});
