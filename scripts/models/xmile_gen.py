"""Small toolkit to write sdw's shipped XMILE models from Python tables, lay out their diagrams, and
run a quick Euler check while the C++ engine is not at hand. Layer: tooling (models/); no project code.
Used by gen_adult_social_care.py and gen_teaching.py; the .xmile files they write are what ships."""
import math
import re
from xml.sax.saxutils import escape

DMNL = "dmnl"
AUX_PITCH = 96  # vertical distance between rows of auxiliaries: a circle and a label of up to four lines
AUX_COLUMN = 140  # horizontal distance between auxiliaries: labels wrap at 110 px


class Var:
    def __init__(self, kind, name, eq, units, doc, sector, **kw):
        self.kind = kind  # stock | flow | aux
        self.name = name
        self.eq = str(eq)
        self.units = units
        self.doc = doc
        self.sector = sector
        self.rng = kw.get("rng")  # (min, max) for constants a user may move
        self.gf = kw.get("gf")  # (xs, ys)
        self.frm = kw.get("frm")  # flows: source stock or None (counted entry)
        self.to = kw.get("to")  # flows: destination stock or None (counted exit)
        self.pos = kw.get("pos")  # stocks: (x, y)
        self.route = kw.get("route")  # flows: explicit pipe points
        self.label_at = kw.get("label_at")  # flows: index of the pipe segment that carries the name
        self.inflows, self.outflows = [], []


class Model:
    def __init__(self, name, stop, dt, time_units="weeks"):
        self.name, self.stop, self.dt, self.time_units = name, stop, dt, time_units
        self.vars, self.by = [], {}
        self.sectors = []  # (key, title, x, y, w, h)
        self.outcomes = []  # names of the outcome measures, in the order a comparison shows them

    def sector(self, key, title, x, y, w, h):
        self.sectors.append((key, title, x, y, w, h))

    def _add(self, v):
        assert v.name not in self.by, v.name
        self.vars.append(v)
        self.by[v.name] = v
        return v

    def stretch(self, below, by):
        """Make room: move every sector, stock and pipe point lying below y = `below` down by `by`, and make
        the sectors that straddle that line taller by as much."""
        self.sectors = [(k, t, x, y + by if y > below else y, w, h + by if y <= below < y + h else h)
                        for k, t, x, y, w, h in self.sectors]
        for v in self.vars:
            if v.pos and v.pos[1] > below:
                v.pos = (v.pos[0], v.pos[1] + by)
            if v.route:
                v.route = [(x, y + by if y > below else y) for x, y in v.route]

    def stock(self, name, init, units, doc, sector, pos, nonneg=True):
        v = self._add(Var("stock", name, init, units, doc, sector, pos=pos))
        v.nonneg = nonneg
        return v

    def flow(self, name, eq, units, doc, sector, frm=None, to=None, route=None, label_at=None):
        return self._add(Var("flow", name, eq, units, doc, sector, frm=frm, to=to, route=route, label_at=label_at))

    def link(self):
        for v in self.vars:
            v.inflows, v.outflows = [], []
        for v in self.vars:
            if v.kind == "flow":
                if v.frm:
                    self.by[v.frm].outflows.append(v.name)
                if v.to:
                    self.by[v.to].inflows.append(v.name)

    def aux(self, name, eq, units, doc, sector, rng=None, gf=None):
        return self._add(Var("aux", name, eq, units, doc, sector, rng=rng, gf=gf))

    def const(self, name, value, units, doc, sector, rng):
        return self.aux(name, value, units, doc, sector, rng=rng)

    # ---------------------------------------------------------------- layout
    def layout(self):
        assert self.sectors, "the layout places auxiliaries inside sectors: declare at least one"
        self.link()
        self.alias_pos = {}
        pos = {}
        for v in self.vars:
            if v.kind == "stock":
                pos[v.name] = v.pos
        pts = {}
        exits_seen = {}
        for v in self.vars:
            if v.kind != "flow":
                continue
            if v.frm and v.to:
                (sx, sy), (tx, ty) = pos[v.frm], pos[v.to]
                if abs(sy - ty) < 1:
                    p = [(sx + 45, sy), (tx - 45, ty)] if tx > sx else [(sx - 45, sy), (tx + 45, ty)]
                elif abs(tx - sx) < 60:
                    p = [(sx, sy + (25 if ty > sy else -25)), (sx, ty + (-25 if ty > sy else 25))]
                else:
                    p = [(sx, sy + (25 if ty > sy else -25)), (sx, ty), (tx + (-45 if tx > sx else 45), ty)]
            elif v.to:
                tx, ty = pos[v.to]
                half = max(45, 3.1 * len(v.to))
                length = max(235, 2 * (3.1 * len(v.name) + half - 45) + 30)
                p = [(tx - 45 - length, ty), (tx - 45, ty)]
            else:
                sx, sy = pos[v.frm]
                k = exits_seen.get(v.frm, 0)
                exits_seen[v.frm] = k + 1
                p = [(sx + 30 + 25 * k, sy + 25), (sx + 30 + 25 * k, sy + 175 + 80 * k)]
            if v.route:
                p = list(v.route)
            pts[v.name] = p
            # label at the middle of the longest segment
            seg = [abs(p[i + 1][0] - p[i][0]) + abs(p[i + 1][1] - p[i][1]) for i in range(len(p) - 1)]
            best = 0 if seg[0] >= 120 and not v.route else max(range(len(seg)), key=lambda i: seg[i])
            if v.label_at is not None:
                best = v.label_at

            def mid(i):
                return (p[i][0] + p[i + 1][0]) / 2, (p[i][1] + p[i + 1][1]) / 2

            pos[v.name] = self._valve_at(v, p, mid(best), pos)
        # valves that fall on top of each other get nudged so labels never sit on top of each other
        valves = []
        for v in self.vars:
            if v.kind == "flow":
                x, y = pos[v.name]
                p = pts[v.name]
                along = [(a, b) for a, b in zip(p[:-1], p[1:])
                         if min(a[0], b[0]) - 1 <= x <= max(a[0], b[0]) + 1 and min(a[1], b[1]) - 1 <= y <= max(a[1], b[1]) + 1]
                horizontal = bool(along) and abs(along[0][0][1] - along[0][1][1]) < 1
                reach = 120 if horizontal else 60  # names sit below valves on horizontal pipes, wrapped at 110 px
                home = self.box_at((x, y))
                step = reach
                while any(abs(x - vx) < reach and abs(y - vy) < 40 for vx, vy in valves):
                    if not horizontal:
                        y += 72
                        continue
                    # slide along the pipe, so the valve stays on it, and within its sector
                    if self.box_at((x + step, y)) != home and step > 0:
                        step = -reach
                        x = pos[v.name][0]
                    x += step
                pos[v.name] = (x, y)
                valves.append((x, y))
        segs = []
        for p in pts.values():
            segs += list(zip(p[:-1], p[1:]))
        self.pos, self.pts = pos, pts
        taken = [b[1:] for b in self._symbol_boxes() if b[0] in self.by and self.by[b[0]].kind != "aux"]
        for v in self.vars:  # the clouds at the open ends of pipes
            if v.kind == "flow":
                for end, open_end in ((pts[v.name][0], not v.frm), (pts[v.name][-1], not v.to)):
                    if open_end:
                        taken.append((end[0] - 30, end[1] - 26, end[0] + 30, end[1] + 26))

        def free(x, y):
            # an aux's circle and a label of up to four lines (see boxes()), with a margin
            bx0, by0, bx1, by1 = x - 64, y - 16, x + 64, y + 80
            for (ax, ay), (cx, cy) in segs:
                if min(ax, cx) <= bx1 and max(ax, cx) >= bx0 and min(ay, cy) <= by1 and max(ay, cy) >= by0:
                    return False
            for tb in taken:
                if tb[0] < bx1 and bx0 < tb[2] and tb[1] < by1 and by0 < tb[3]:
                    return False
            return True

        self._plan_connectors(pos)
        for key, title, x0, y0, w, h in self.sectors:
            self._place_auxes(key, (x0, y0, x0 + w, y0 + h), pos, free, taken)
        # keep everything on the canvas: shift right/down when a pipe starts left of or above the origin
        xs = [x for x, _ in pos.values()] + [x for p in pts.values() for x, _ in p] + [sx[2] for sx in self.sectors]
        ys = [y for _, y in pos.values()] + [y for p in pts.values() for _, y in p] + [sx[3] for sx in self.sectors]
        dx, dy = max(0, 20 - min(xs) + 100), max(0, 20 - min(ys) + 60)
        dx = dx if min(xs) < 20 else 0
        dy = dy if min(ys) < 20 else 0
        pos = {k: (x + dx, y + dy) for k, (x, y) in pos.items()}
        pts = {k: [(x + dx, y + dy) for x, y in p] for k, p in pts.items()}
        self.alias_pos = {k: (x + dx, y + dy) for k, (x, y) in self.alias_pos.items()}
        self.view_sectors = [(k, t, x + dx, y + dy, w, h) for k, t, x, y, w, h in self.sectors]
        self.pos, self.pts = pos, pts

    def _symbol_boxes(self):
        return _boxes_of(self)

    def box_at(self, p):
        """Key of the sector whose box holds point p (layout coordinates), or None."""
        for key, _, x0, y0, w, h in self.sectors:
            if x0 <= p[0] <= x0 + w and y0 <= p[1] <= y0 + h:
                return key
        return None

    def _clip(self, a, b, sector):
        """The part of the axis-parallel segment a-b inside the sector's box, or None."""
        _, _, x0, y0, w, h = next(sx for sx in self.sectors if sx[0] == sector)
        lo = (max(min(a[0], b[0]), x0), max(min(a[1], b[1]), y0))
        hi = (min(max(a[0], b[0]), x0 + w), min(max(a[1], b[1]), y0 + h))
        if lo[0] > hi[0] or lo[1] > hi[1]:
            return None
        return lo, hi

    def _valve_at(self, v, p, default, pos):
        """Where a flow's valve goes. Its inputs are connected inside the sector the valve sits in, and each
        input drawn elsewhere costs an alias, so the valve goes where its pipe passes through the sector that
        holds most of its inputs: at the usual place if that is in such a sector, else at the middle of the
        longest stretch of pipe inside one (its own sector first)."""
        def homes(r):
            u = self.by[r]
            return u.sector if u.kind != "stock" else self.box_at(pos[r]) or u.sector

        def cost(sector):
            return sum(1 for r in self.refs(v) if homes(r) != sector)

        options = []
        for i in range(len(p) - 1):
            for key, *_ in self.sectors:
                c = self._clip(p[i], p[i + 1], key)
                if c and abs(c[1][0] - c[0][0]) + abs(c[1][1] - c[0][1]) >= 40:
                    options.append((cost(key), key != v.sector, -abs(c[1][0] - c[0][0]) - abs(c[1][1] - c[0][1]),
                                    ((c[0][0] + c[1][0]) / 2, (c[0][1] + c[1][1]) / 2)))
        here = self.box_at(default)
        if not options or here is not None and cost(here) <= min(o[0] for o in options):
            return default
        return min(options)[3]

    def _home(self, name, pos):
        """The sector a symbol is drawn in: an aux in its own; a stock or valve in the box it sits in."""
        v = self.by[name]
        if v.kind == "aux":
            return v.sector
        return self.box_at(pos[name]) or v.sector

    def _plan_connectors(self, pos):
        # Every input of a flow or aux gets a connector. An input drawn in another sector is not fetched from
        # there by a long arrow across the diagram: it gets an alias (a ghost) in the user's sector, one per
        # input and sector, and the connector starts at the alias. So each sector reads on its own, and the
        # only lines crossing a sector's border are pipes, which carry people or money from one to the next.
        self.connectors = []  # (input, alias key or None, user)
        self.alias_keys = []  # (input, sector), in order of first use
        for v in self.vars:
            if v.kind == "stock":
                continue
            home = self._home(v.name, pos) if self.sectors else None
            for r in self.refs(v):
                if not self.sectors or self._home(r, pos) == home:
                    self.connectors.append((r, None, v.name))
                    continue
                key = (r, home)
                if key not in self.alias_keys:
                    self.alias_keys.append(key)
                self.connectors.append((r, key, v.name))

    def _place_auxes(self, sector, bounds, pos, free, taken):
        """Put the sector's auxiliaries and aliases in free cells, each near what it is linked to: the grid
        runs over the whole sector, and an item takes the free cell nearest the mean of its placed neighbours
        (inputs a little to their left, so links read left to right). Items linked to most placed symbols go
        first; stocks and valves are placed before any of them."""
        bx0, by0, bx1, by1 = bounds
        items = [("aux", v.name) for v in self.vars if v.kind == "aux" and v.sector == sector]
        items += [("alias", k) for k in self.alias_keys if k[1] == sector]
        if not items:
            return
        where = {}  # item -> position, once placed

        def at(item):
            if item in where:
                return where[item]
            if item[0] == "aux" and self.by[item[1]].kind != "aux":
                return pos[item[1]]
            return None

        links = {it: [] for it in items}
        for src, akey, user in self.connectors:
            s = ("alias", akey) if akey else ("aux", src)
            u = ("aux", user)
            if akey and akey[1] != sector:
                continue
            if s in links:
                links[s].append(u)
            if u in links:
                links[u].append(s)
        # a lattice, so that placed items pack without slivers of unusable space between them
        cells = [(x, y) for y in range(int(by1) - 80, int(by0) + 56 - 1, -AUX_PITCH)
                 for x in range(int(bx0) + 74, int(bx1) - 74 + 1, AUX_COLUMN)]
        pending = list(items)
        while pending:
            def placed_links(it):
                return [p for p in (at(n) for n in links[it]) if p is not None]
            it = max(pending, key=lambda i: (len(placed_links(i)), -pending.index(i)))
            pending.remove(it)
            near = placed_links(it)
            if near:
                tx, ty = sum(x for x, _ in near) / len(near), sum(y for _, y in near) / len(near)
            else:
                tx, ty = bx0, by1
            is_input = it[0] == "alias" or not self.refs(self.by[it[1]])
            if is_input:
                tx -= AUX_COLUMN / 2
            for c in sorted(cells, key=lambda c: (c[0] - tx) ** 2 + 2 * (c[1] - ty) ** 2):
                if free(*c):
                    break
            else:
                raise RuntimeError("no room for %s in sector %s" % (it[1], sector))
            where[it] = c
            taken.append((c[0] - 64, c[1] - 16, c[0] + 64, c[1] + 80))
            if it[0] == "aux":
                pos[it[1]] = c
            else:
                self.alias_pos[it[1]] = c

    # ---------------------------------------------------------------- XMILE
    def refs(self, v):
        names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", v.eq))
        return [n for n in self.by if n in names and n != v.name]

    def xmile(self, title, doc_header):
        self.layout()
        out = []
        w = out.append
        w('<?xml version="1.0" encoding="utf-8"?>')
        w('<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">')
        w("  <header>")
        w("    <name>%s</name>" % escape(title))
        w("    <vendor>sdw project</vendor>")
        w('    <product version="0.1">sdw</product>')
        w("  </header>")
        w('  <sim_specs method="Euler" time_units="%s">' % self.time_units)
        w("    <start>0</start>")
        w("    <stop>%g</stop>" % self.stop)
        w("    <dt>%g</dt>" % self.dt)
        w("  </sim_specs>")
        w("  <model>")
        w("    <variables>")
        for v in self.vars:
            tag = v.kind
            w('      <%s name="%s">' % (tag, v.name))
            w("        <doc>%s</doc>" % escape(v.doc))
            w("        <eqn>%s</eqn>" % escape(v.eq))
            if v.kind == "stock":
                for f in v.inflows:
                    w("        <inflow>%s</inflow>" % f)
                for f in v.outflows:
                    w("        <outflow>%s</outflow>" % f)
                if v.nonneg:
                    w("        <non_negative/>")
            if v.gf:
                xs, ys = v.gf
                w('        <gf>')
                w('          <xscale min="%g" max="%g"/>' % (min(xs), max(xs)))
                w('          <yscale min="%g" max="%g"/>' % (min(ys), max(ys)))
                w("          <xpts>%s</xpts>" % ",".join("%g" % x for x in xs))
                w("          <ypts>%s</ypts>" % ",".join("%g" % y for y in ys))
                w("        </gf>")
            w("        <units>%s</units>" % escape(v.units))
            if v.rng:
                w('        <range min="%g" max="%g"/>' % v.rng)
            w("      </%s>" % tag)
        if self.outcomes:
            # A model-level XMILE group: sdw's comparisons and charts show these first.
            w('      <group name="Outcome measures">')
            for name in self.outcomes:
                assert name in self.by, name
                w('        <entity name="%s"/>' % name)
            w("      </group>")
        w("    </variables>")
        w("    <views>")
        w('      <view type="stock_flow" name="%s">' % escape(title))
        for key, stitle, x0, y0, ww, hh in self.view_sectors:
            w('        <group name="%s" x="%g" y="%g" width="%g" height="%g"/>'
              % (escape(stitle), x0 + ww / 2, y0 + hh / 2, ww, hh))
        uid = 1
        for v in self.vars:
            x, y = self.pos[v.name]
            if v.kind == "stock":
                w('        <stock name="%s" x="%g" y="%g" width="90" height="50"/>' % (v.name, x, y))
            elif v.kind == "flow":
                w('        <flow name="%s" x="%g" y="%g">' % (v.name, x, y))
                w("          <pts>")
                for px, py in self.pts[v.name]:
                    w('            <pt x="%g" y="%g"/>' % (px, py))
                w("          </pts>")
                w("        </flow>")
            else:
                w('        <aux name="%s" x="%g" y="%g"/>' % (v.name, x, y))
        # aliases, then connectors: from the input itself when it is drawn in the user's sector, else from its
        # alias there (see _plan_connectors)
        alias_uid = {}
        for key in self.alias_keys:
            x, y = self.alias_pos[key]
            alias_uid[key] = uid
            w('        <alias uid="%d" x="%g" y="%g"><of>%s</of></alias>' % (uid, x, y, key[0]))
            uid += 1
        for src, akey, user in self.connectors:
            (x1, y1), (x2, y2) = self.alias_pos[akey] if akey else self.pos[src], self.pos[user]
            ang = math.degrees(math.atan2(-(y2 - y1), x2 - x1))
            frm = '<alias uid="%d"/>' % alias_uid[akey] if akey else src
            w('        <connector uid="%d" angle="%.0f"><from>%s</from><to>%s</to></connector>' % (uid, ang, frm, user))
            uid += 1
        w("      </view>")
        w("    </views>")
        w("  </model>")
        w("</xmile>")
        return "\n".join(x for x in out if x is not None) + "\n"

    # ---------------------------------------------------------------- quick Euler run (a check only)
    def simulate(self, sets=None, stop=None, dt=None):
        self.link()
        sets = sets or {}
        stop = self.stop if stop is None else stop
        dt = self.dt if dt is None else dt
        env = {"MIN": min, "MAX": max, "EXP": math.exp, "LN": math.log, "ABS": abs, "SQRT": math.sqrt}
        env["XIDZ"] = lambda a, b, x: x if b == 0 else a / b
        env["ZIDZ"] = lambda a, b: 0.0 if b == 0 else a / b
        state = {}

        def smth1(key, x, tau, init=None):
            if key not in state:
                state[key] = ["s", x, x if init is None else init, tau]
            s = state[key]
            s[1], s[3] = x, tau
            return s[2]

        def delay3(key, x, tau, init=None):
            if key not in state:
                y0 = x if init is None else init
                state[key] = ["d", x, [y0 * tau / 3] * 3, tau]
            s = state[key]
            s[1], s[3] = x, tau
            return s[2][2] / (tau / 3)

        env["_smth1"], env["_delay3"] = smth1, delay3
        t = [0.0]
        env["STEP"] = lambda h, t0: h if t[0] >= t0 else 0.0
        env["PULSE"] = lambda m, t0, *r: m / dt if abs(t[0] - t0) < dt / 2 else 0.0
        env["RAMP"] = lambda s, t0, *r: s * max(0.0, t[0] - t0)
        inits = {}
        first = {}
        env["_initv"] = lambda key, x: first.setdefault(key, x)
        code, lookups = {}, {}
        for i, v in enumerate(self.vars):
            e = v.eq
            e = re.sub(r"IF\s+(.+?)\s+THEN\s+(.+?)\s+ELSE\s+(.+)", r"((\2) if (\1) else (\3))", e)
            e = re.sub(r"\bSMTH1\(", '_smth1("%s_s", ' % v.name, e)
            e = re.sub(r"\bDELAY3\(", '_delay3("%s_d", ' % v.name, e)
            e = re.sub(r"\bINIT\(", '_initv("%s_i", ' % v.name, e)
            e = e.replace("TIME", "_time").replace(" AND ", " and ").replace(" OR ", " or ")
            e = e.replace("<>", "!=").replace("^", "**")
            e = re.sub(r"(?<![<>!=])=(?!=)", "==", e)
            code[v.name] = compile(e, v.name, "eval")
            if v.gf:
                lookups[v.name] = v.gf
        order = self._order()

        def lookup(name, x):
            xs, ys = lookups[name]
            if x <= xs[0]:
                return ys[0]
            if x >= xs[-1]:
                return ys[-1]
            for k in range(len(xs) - 1):
                if x <= xs[k + 1]:
                    f = (x - xs[k]) / (xs[k + 1] - xs[k])
                    return ys[k] + f * (ys[k + 1] - ys[k])

        vals = {}
        smooth = {}
        for v in self.vars:
            if v.eq.startswith("SMTH1("):
                a = [x.strip() for x in v.eq[6:-1].split(",")]
                smooth[v.name] = [compile(a[0], v.name, "eval"), compile(a[1], v.name, "eval"),
                                  float(a[2]) if len(a) > 2 else None, None]

        def evaluate(initial):
            env["_time"] = t[0]
            for n in order:
                v = self.by[n]
                if v.kind == "stock" and not initial:
                    continue
                if n in smooth:
                    sm = smooth[n]
                    if sm[3] is None:
                        sm[3] = sm[2] if sm[2] is not None else eval(sm[0], env, vals)
                    vals[n] = sm[3]
                    continue
                if n in sets and (v.kind == "stock" or re.fullmatch(r"[-+0-9.eE]+", v.eq)):
                    vals[n] = sets[n]
                else:
                    x = eval(code[n], env, vals)
                    vals[n] = lookup(n, x) if n in lookups else x
                if initial:
                    env["_init_" + n] = vals[n]
                    vals["_init_" + n] = vals[n]

        rows = []
        evaluate(True)
        nsteps = int(round(stop / dt))
        for k in range(nsteps + 1):
            t[0] = k * dt
            if k:
                evaluate(False)
            rows.append(dict(vals, TIME=t[0]))
            if k == nsteps:
                break
            # integrate
            for v in self.vars:
                if v.kind == "stock":
                    out = sum(vals[f] for f in v.outflows)
                    inn = sum(vals[f] for f in v.inflows)
                    x = vals[v.name] + dt * (inn - out)
                    vals[v.name] = max(0.0, x) if v.nonneg else x
            for n, sm in smooth.items():
                x = eval(sm[0], env, vals)
                tau = eval(sm[1], env, vals)
                sm[3] += dt * (x - sm[3]) / tau
            for s in state.values():
                if s[0] == "s":
                    s[2] += dt * (s[1] - s[2]) / s[3]
                else:
                    l, x, tau = s[2], s[1], s[3]
                    o1, o2, o3 = l[0] / (tau / 3), l[1] / (tau / 3), l[2] / (tau / 3)
                    l[0] += dt * (x - o1)
                    l[1] += dt * (o1 - o2)
                    l[2] += dt * (o2 - o3)
        return rows

    def _order(self):
        deps = {}
        for v in self.vars:
            if v.kind == "stock":
                deps[v.name] = set()
            elif v.eq.startswith("SMTH1(") and v.eq.count(",") >= 2:
                inner = v.eq[len("SMTH1("):].split(",", 1)[1]
                deps[v.name] = set(r for r in self.refs(v) if re.search(r"\b%s\b" % r, inner))
            else:
                deps[v.name] = set(r for r in self.refs(v))
        # stocks' initial values may reference others
        for v in self.vars:
            if v.kind == "stock":
                deps[v.name] = set(self.refs(v))
        done, order = set(), []

        def visit(n, stack):
            if n in done:
                return
            if n in stack:
                raise RuntimeError("cycle through " + n)
            stack.add(n)
            for d in deps[n]:
                if self.by[d].kind == "stock" and self.by[n].kind != "stock":
                    continue  # stocks are state: evaluated first, never part of an ordering cycle
                visit(d, stack)
            stack.discard(n)
            done.add(n)
            order.append(n)

        # stocks first (their initial equations), then everything else
        for v in self.vars:
            if v.kind == "stock":
                visit(v.name, set())
        for v in self.vars:
            visit(v.name, set())
        return order


# Sizes as the workbench draws them at zoom 1 (workbench/ui/canvas_draw.cpp, theme.cpp): 15 px DejaVu Sans
# labels, word-wrapped; aux circles of radius 12, valves of radius 8, stocks as given. Character widths are
# averages for lower-case DejaVu Sans (regular 8 px, bold 9 px); tests/solver/models_test.cpp uses the same rules.
FONT, LINE = 15.0, 15.0 * 1.05


def _wrap(text, max_w, char_w):
    lines, line = [], ""
    for word in text.replace("_", " ").split():
        cand = word if not line else line + " " + word
        if line and len(cand) * char_w > max_w:
            lines.append(line)
            line = word
        else:
            line = cand
    if line:
        lines.append(line)
    return max(len(l) for l in lines) * char_w, len(lines) * LINE


def boxes(m):
    """(name, x0, y0, x1, y1) rectangles of every stock, valve, aux and their labels in the saved view."""
    m.layout()
    return _boxes_of(m)


def _boxes_of(m):
    out = []
    for v in m.vars:
        if v.name not in m.pos:
            continue
        x, y = m.pos[v.name]
        if v.kind == "stock":
            w, h = 90, 50
            lw, lh = _wrap(v.name, max(w + 30, 120), 9.0)
            out += [(v.name, x - w / 2, y - h / 2, x + w / 2, y + h / 2),
                    (v.name, x - lw / 2, y + h / 2 + 3, x + lw / 2, y + h / 2 + 3 + lh)]
        elif v.kind == "aux":
            lw, lh = _wrap(v.name, 110, 8.0)
            out += [(v.name, x - 12, y - 12, x + 12, y + 12), (v.name, x - lw / 2, y + 14, x + lw / 2, y + 14 + lh)]
        else:
            p = m.pts[v.name]
            lw, lh = _wrap(v.name, 110, 8.0)
            out.append((v.name, x - 8, y - 8, x + 8, y + 8))
            if abs(p[0][0] - p[-1][0]) < 1:  # vertical pipe: the label sits to the right
                cx = x + 8 + 4 + 45
                out.append((v.name, cx - lw / 2, y - FONT / 2, cx + lw / 2, y - FONT / 2 + lh))
            else:
                out.append((v.name, x - lw / 2, y + 10, x + lw / 2, y + 10 + lh))
    # aliases: the shape of their variable (a stock at Stella's default 45 x 35), the name in regular type
    for (name, sector), (x, y) in getattr(m, "alias_pos", {}).items():
        key = "alias of %s in %s" % (name, sector)
        lw, lh = _wrap(name, 110, 8.0)
        half_h = 17.5 if m.by[name].kind == "stock" else 12
        half_w = 22.5 if m.by[name].kind == "stock" else 12
        out += [(key, x - half_w, y - half_h, x + half_w, y + half_h),
                (key, x - lw / 2, y + half_h + 2, x + lw / 2, y + half_h + 2 + lh)]
    return out


def overlaps(m):
    """Pairs of diagram objects whose boxes (symbol or name label) intersect."""
    b = boxes(m)
    bad = set()
    for i in range(len(b)):
        for j in range(i + 1, len(b)):
            a, c = b[i], b[j]
            if a[0] != c[0] and a[1] < c[3] and c[1] < a[3] and a[2] < c[4] and c[2] < a[4]:
                bad.add((a[0], c[0]))
    return sorted(bad)


def parameter_table(m):
    """Markdown table of the model's constants: name, value, units, slider range, source or assumption."""
    out = ["| constant | value | units | range | source or assumption |", "|---|---|---|---|---|"]
    for v in m.vars:
        if v.kind == "aux" and not v.gf and re.fullmatch(r"[-+0-9.eE]+", v.eq):
            rng = "%g-%g" % v.rng if v.rng else "(definition)"
            out.append("| `%s` | %g | %s | %s | %s |" % (v.name, float(v.eq), v.units, rng, v.doc.replace("|", "/")))
    for v in m.vars:
        if v.gf:
            pts = ", ".join("(%g, %g)" % xy for xy in zip(*v.gf))
            out.append("| `%s` (graph of `%s`) | %s | %s | - | %s |" % (v.name, v.eq, pts, v.units, v.doc))
    return "\n".join(out)


def stock_table(m):
    out = ["| stock | initial value | units | what it holds |", "|---|---|---|---|"]
    for v in m.vars:
        if v.kind == "stock":
            out.append("| `%s` | %s | %s | %s |" % (v.name, v.eq, v.units, v.doc.replace("|", "/")))
    return "\n".join(out)
