// ECharts is imported by module, and only here: the charts and components the dashboards use,
// drawn on canvas. This file loads with the dashboards route, never with the app shell.
import { use } from 'echarts/core';
import { BarChart, FunnelChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, FunnelChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
