/**
 * ApexCharts options with every text the chart draws at `px` (tick labels, axis title, legend,
 * tooltip, the empty-chart text; the chart title 2 px larger), for a projector. 0 returns the
 * options unchanged (ApexCharts' own sizes).
 */
export function withFontSize(options: any, px: number): any {
  if (!px) return options;
  const size = `${px}px`;
  const style = (o: any, s = size) => ({ ...(o ?? {}), style: { ...(o?.style ?? {}), fontSize: s } });
  const xaxis = options.xaxis ?? {};
  const yaxis = options.yaxis ?? {};
  return {
    ...options,
    title: style(options.title, `${px + 2}px`),
    xaxis: { ...xaxis, labels: style(xaxis.labels), title: style(xaxis.title) },
    yaxis: { ...yaxis, labels: style(yaxis.labels) },
    legend: { ...(options.legend ?? {}), fontSize: size },
    tooltip: { ...(options.tooltip ?? {}), style: { ...(options.tooltip?.style ?? {}), fontSize: size } },
    noData: style(options.noData),
  };
}
