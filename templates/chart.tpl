{{%AUTOESCAPE context="HTML"}}<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{{ID}}-title {{ID}}-desc" viewBox="0 0 {{CHART_W}} {{CHART_H}}" width="100%" height="{{CHART_H}}" preserveAspectRatio="xMinYMin meet">
<title id="{{ID}}-title">{{TITLE}}</title>
<desc id="{{ID}}-desc">{{DESC}}</desc>
<line x1="{{AXIS_X1}}" y1="{{AXIS_Y}}" x2="{{AXIS_X2}}" y2="{{AXIS_Y}}" stroke="#4a5163" stroke-width="1"/>
{{#BAR}}<g class="bar" data-key="{{KEY}}">
<rect x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}" fill="#0b5cad"/>
<text x="{{CX}}" y="{{VY}}" text-anchor="middle" font-size="{{FONT}}" fill="#1d2330">{{SHOWN}}</text>
<text x="{{CX}}" y="{{LY}}" text-anchor="middle" font-size="{{FONT}}" fill="#1d2330">{{LABEL}}</text>
{{#SUB}}<text x="{{CX}}" y="{{SY}}" text-anchor="middle" font-size="{{FONT}}" fill="#4a5163">{{SUB}}</text>{{/SUB}}
</g>
{{/BAR}}</svg>
{{#CAPTION}}<figcaption>{{TEXT}}</figcaption>{{/CAPTION}}
</figure>
