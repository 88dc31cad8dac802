package bench

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ---- plots -------------------------------------------------------------------

var sysColor = map[string]color.Color{
	SysKapgraphNeo4j: color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 255},
	SysKapgraphMem:   color.RGBA{R: 0x2c, G: 0xa0, B: 0x2c, A: 255},
	SysCypher:        color.RGBA{R: 0x7f, G: 0x7f, B: 0x7f, A: 255},
	SysPeer:          color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 255},
}

type logTicks struct{}

func (logTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for e := math.Floor(math.Log10(min)); e <= math.Ceil(math.Log10(max)); e++ {
		for _, m := range []float64{1, 2, 5} {
			v := m * math.Pow(10, e)
			if v < min*0.999 || v > max*1.001 {
				continue
			}
			ts = append(ts, plot.Tick{Value: v, Label: strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")})
		}
	}
	return ts
}

// concTicks marks the measured concurrencies on a log axis.
type concTicks []int

func (c concTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for _, v := range c {
		ts = append(ts, plot.Tick{Value: float64(v), Label: fmt.Sprint(v)})
	}
	return ts
}

// headroom leaves space above the data for the legend.
func headroom(p *plot.Plot, logY bool) {
	if logY {
		p.Y.Max *= 8
	} else {
		p.Y.Max *= 1.6
	}
	if p.Y.Min <= 0 && !logY {
		p.Y.Min = 0
	}
}

func newPlot(title, x, y string, logY bool) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(plotter.NewGrid())
	if logY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	return p
}

func addLine(p *plot.Plot, label string, pts plotter.XYs, c color.Color, dashed bool) error {
	if len(pts) == 0 {
		return nil
	}
	l, s, err := plotter.NewLinePoints(pts)
	if err != nil {
		return err
	}
	l.Color, s.Color = c, c
	l.Width = vg.Points(1.6)
	s.Shape = draw.CircleGlyph{}
	if dashed {
		l.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		s.Shape = draw.BoxGlyph{}
	}
	p.Add(l, s)
	p.Legend.Add(label, l, s)
	return nil
}

// Plots writes the PNGs into dir and returns their paths relative to base.
func (r *Results) Plots(dir, base string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	save := func(p *plot.Plot, name string, wdt, hgt vg.Length) error {
		path := filepath.Join(dir, name)
		if err := p.Save(wdt, hgt, path); err != nil {
			return err
		}
		rel, _ := filepath.Rel(base, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	}
	// Mix latency and throughput against concurrency, one pair per size.
	for _, s := range r.Sizes {
		lat := newPlot(fmt.Sprintf("Mix latency vs clients, %s graph (solid p50, dashed p99)", s.Name), "concurrent clients", "latency (ms, log)", true)
		thr := newPlot(fmt.Sprintf("Mix throughput vs clients, %s graph", s.Name), "concurrent clients", "answered requests/s (log)", true)
		any := false
		for _, sys := range Systems {
			var p50, p99, tp plotter.XYs
			for _, c := range r.Settings.Concurrency {
				if x := s.cell(sys, MixName, c); x != nil && x.Requests > 0 {
					p50 = append(p50, plotter.XY{X: float64(c), Y: x.P50Ms})
					p99 = append(p99, plotter.XY{X: float64(c), Y: x.P99Ms})
					tp = append(tp, plotter.XY{X: float64(c), Y: x.Throughput})
				}
			}
			if len(p50) == 0 {
				continue
			}
			any = true
			addLine(lat, sys+" p50", p50, sysColor[sys], false)
			addLine(lat, sys+" p99", p99, sysColor[sys], true)
			addLine(thr, sys, tp, sysColor[sys], false)
		}
		if !any {
			continue
		}
		for _, pl := range []*plot.Plot{lat, thr} {
			if len(r.Settings.Concurrency) > 1 {
				pl.X.Scale = plot.LogScale{}
				pl.X.Tick.Marker = concTicks(r.Settings.Concurrency)
				pl.X.Min, pl.X.Max = float64(slices.Min(r.Settings.Concurrency))*0.8, float64(slices.Max(r.Settings.Concurrency))*1.25
			}
		}
		headroom(lat, true)
		headroom(thr, true)
		if err := save(lat, "mix-latency-vs-clients-"+s.Name+".png", 18*vg.Centimeter, 12*vg.Centimeter); err != nil {
			return files, err
		}
		if err := save(thr, "mix-throughput-vs-clients-"+s.Name+".png", 18*vg.Centimeter, 12*vg.Centimeter); err != nil {
			return files, err
		}
	}
	// Each question's latency against graph size, at one client.
	if len(r.Sizes) > 1 {
		for _, q := range Mix {
			p := newPlot(fmt.Sprintf("%s: latency vs graph size, 1 client (solid p50, dashed p99)", q), "graph nodes (log)", "latency (ms, log)", true)
			p.X.Scale = plot.LogScale{}
			p.X.Tick.Marker = logTicks{}
			for _, sys := range Systems {
				var p50, p99 plotter.XYs
				for _, s := range r.Sizes {
					if x := s.cell(sys, string(q), 1); x != nil && x.Requests > 0 {
						p50 = append(p50, plotter.XY{X: float64(s.Nodes), Y: x.P50Ms})
						p99 = append(p99, plotter.XY{X: float64(s.Nodes), Y: x.P99Ms})
					}
				}
				addLine(p, sys+" p50", p50, sysColor[sys], false)
				addLine(p, sys+" p99", p99, sysColor[sys], true)
			}
			headroom(p, true)
			if err := save(p, "size-"+string(q)+".png", 16*vg.Centimeter, 11*vg.Centimeter); err != nil {
				return files, err
			}
		}
		// The mix's throughput at the highest concurrency against size.
		p := newPlot(fmt.Sprintf("Mix throughput vs graph size, %d clients", r.maxConc()), "graph nodes (log)", "answered requests/s (log)", true)
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = logTicks{}
		for _, sys := range Systems {
			var pts plotter.XYs
			for _, s := range r.Sizes {
				if x := s.cell(sys, MixName, r.maxConc()); x != nil && x.Requests > 0 {
					pts = append(pts, plotter.XY{X: float64(s.Nodes), Y: x.Throughput})
				}
			}
			addLine(p, sys, pts, sysColor[sys], false)
		}
		headroom(p, true)
		if err := save(p, "size-mix-throughput.png", 16*vg.Centimeter, 11*vg.Centimeter); err != nil {
			return files, err
		}
	}
	sort.Strings(files)
	return files, nil
}
