# Writes tests/fixtures/diagnostics/{positions,hints}.json: positions computed here, independently
# of the Rust locator (columns in code points). Run: python3 tests/diagnostics.gen.py
import json, os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures', 'diagnostics')
def pos(text, needle, nth=0, end_needle=None):
    # start of the nth occurrence of needle; span covers needle (or up to end of end_needle)
    i=-1
    for _ in range(nth+1):
        i=text.index(needle, i+1)
    j=i+len(needle)
    def lc(off):
        before=text[:off]
        line=before.count('\n')+1
        col=len(before)-(before.rfind('\n')+1)+1
        return line,col
    (l,c),(el,ec)=lc(i),lc(j)
    return {"line":l,"column":c,"endLine":el,"endColumn":ec}

UP='"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true'
cases=[]
# 1 multi-line, value span
t='{\n  "type": "upgrade",\n  "upgradePolicy": "snapshot",\n  "enableUpgradeRequest": true,\n  "upgradeTimeout": 100,\n  "upgradeScope": {"type": "total", "versionNumbers": ["1.0"]}\n}'
cases.append({"name":"a value on the fifth line","text":t,"expect":{"valid":False,"errors":[["/upgradeTimeout","out_of_range"]],"warnings":[]},
 "issues":[dict(path="/upgradeTimeout",code="out_of_range",**pos(t,'100'))]})
# 2 CRLF
t='{\r\n  "type": "verify",\r\n  "upgradeScope": {\r\n    "type": "partial",\r\n    "versionNumbers": [],\r\n    "deviceKeys": ["d"]\r\n  }\r\n}'
cases.append({"name":"CRLF line ends","text":t,"expect":{"valid":False,"errors":[["/upgradeScope/versionNumbers","empty"]],"warnings":[]},
 "issues":[dict(path="/upgradeScope/versionNumbers",code="empty",**pos(t,'[]'))]})
# 3 tabs
t='{\n\t"type": "verify",\n\t"upgradeScope": {\n\t\t"type": "partial",\n\t\t"versionNumbers": ["1.0"],\n\t\t"deviceKeys": ["d", ""]\n\t}\n}'
cases.append({"name":"tab indentation","text":t,"expect":{"valid":False,"errors":[["/upgradeScope/deviceKeys/1","empty"]],"warnings":[]},
 "issues":[dict(path="/upgradeScope/deviceKeys/1",code="empty",**pos(t,'""'))]})
# 4 non-ASCII and astral before the span
t='{"name": {"defaultValue": "升级任务 🚀🚀"}, "type": "verify", "upgradeTimeout": 7200.0,\n "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": ["设备😀"]}}'
cases.append({"name":"Chinese and astral characters before the span count one column each","text":t,"expect":{"valid":False,"errors":[["/upgradeTimeout","invalid_type"]],"warnings":[]},
 "issues":[dict(path="/upgradeTimeout",code="invalid_type",**pos(t,'7200.0'))]})
t='{"type": "verify", "upgradeScope": {"type": "partial", "versionNumbers": ["版本😀"], "deviceKeys": ["😀", "😀"]}}'
cases.append({"name":"a repeated astral device key","text":t,"expect":{"valid":True,"errors":[],"warnings":[["/upgradeScope/deviceKeys/1","duplicate_value"]]},
 "issues":[dict(path="/upgradeScope/deviceKeys/1",code="duplicate_value",**pos(t,'"😀"',1))]})
# 5 keys vs values
t='{\n  "type": "verify",\n  "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": ["d"]},\n  "retryPolicy": {"enableRetry": true},\n  "colour": "blue"\n}'
cases.append({"name":"unknown and ignored fields point at their key","text":t,"expect":{"valid":True,"errors":[],"warnings":[["/colour","unknown_field"],["/retryPolicy","ignored_field"]]},
 "issues":[dict(path="/retryPolicy",code="ignored_field",**pos(t,'"retryPolicy"')),dict(path="/colour",code="unknown_field",**pos(t,'"colour"'))]})
t='{"type": "verify", "type": "verify",\n "upgradeScope": {"type": "partial", "versionNumbers": ["1"], "deviceKeys": ["d"]}}'
cases.append({"name":"duplicate_key points at the repeated key","text":t,"expect":{"valid":False,"errors":[["/type","duplicate_key"]],"warnings":[]},
 "issues":[dict(path="/type",code="duplicate_key",**pos(t,'"type"',1))]})
t='{"type": "verify",\n "upgradeScope": {"type": "partial",\n   "versionNumbers": ["1"]}}'
cases.append({"name":"required points at the object that lacks the member","text":t,"expect":{"valid":False,"errors":[["/upgradeScope/deviceKeys","required"]],"warnings":[]},
 "issues":[dict(path="/upgradeScope/deviceKeys",code="required",**pos(t,'{"type": "partial",\n   "versionNumbers": ["1"]}'))]})
t='{"type": "verify", "upgradeScope": {"type": "total", "versionNumbers": ["1"], "deviceKeys": ["d"]}}'
cases.append({"name":"a value inside an object on one line","text":t,"expect":{"valid":False,"errors":[["/upgradeScope/type","verify_requires_partial"]],"warnings":[]},
 "issues":[dict(path="/upgradeScope/type",code="verify_requires_partial",**pos(t,'"total"'))]})
# 6 invalid json
t='{\n  "type": "verify",\n  "upgradeScope": {"type": "partial" "versionNumbers": []}\n}'
p=pos(t,'"versionNumbers"'); p["endLine"]=p["line"]; p["endColumn"]=p["column"]
cases.append({"name":"invalid_json points at the syntax error","text":t,"expect":{"valid":False,"errors":[["","invalid_json"]],"warnings":[]},
 "issues":[dict(path="",code="invalid_json",**p)]})
t='{"type": "verify", "x": 1}'
cases.append({"name":"options problems have no position","text":t,"options":{"locale":"fr"},"expect":{"valid":False,"errors":[["/options/locale","invalid_option"],["/upgradeScope","required"]],"warnings":[["/x","unknown_field"]]},
 "issues":[dict(path="/options/locale",code="invalid_option",line=None,column=None),dict(path="/x",code="unknown_field",**pos(t,'"x"'))]})
json.dump(cases, open(OUT + '/positions.json','w'), ensure_ascii=False, indent=1)

# hints
H=[]
def text_case(name, body_text, errors, warnings, pins, fixed=None, options=None):
    c={"name":name,"text":body_text,"expect":{"valid":not errors,"errors":errors,"warnings":warnings},"issues":pins}
    if fixed is not None: c["fixed"]=fixed
    if options: c["options"]=options
    H.append(c)
def mv(f,t): return [{"op":"move","from":f,"path":t}]
def rp(p,v): return [{"op":"replace","path":p,"value":v}]
SCOPE_T='"upgradeScope": {"type": "total", "versionNumbers": ["1.0"]}'
base='{'+UP+', '
# 1 near-miss names
t='{'+UP+', "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "assetTrees": [{"treeId": "t1", "includedNotes": ["n1"]}]}}'
fixed=json.loads(t.replace('includedNotes','includedNodes'))
text_case("includedNotes: did you mean includedNodes, else the whole tree", t, [], [["/upgradeScope/assetTrees/0/includedNotes","unknown_field"]],
  [{"path":"/upgradeScope/assetTrees/0/includedNotes","code":"unknown_field","hint":"whole asset tree","fix":mv("/upgradeScope/assetTrees/0/includedNotes","/upgradeScope/assetTrees/0/includedNodes")}], fixed)
t='{'+UP+', "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "devicekeys": ["d1"]}}'
text_case("devicekeys: did you mean deviceKeys", t, [["/upgradeScope","missing_selector"]], [["/upgradeScope/devicekeys","unknown_field"]],
  [{"path":"/upgradeScope/devicekeys","code":"unknown_field","hint":"`deviceKeys`","fix":mv("/upgradeScope/devicekeys","/upgradeScope/deviceKeys")}], json.loads(t.replace('devicekeys','deviceKeys')))
t='{'+UP+', "upgradeScope": {"type": "total", "versionNumber": ["1.0"]}}'
text_case("versionNumber: did you mean versionNumbers", t, [["/upgradeScope/versionNumbers","required"]], [["/upgradeScope/versionNumber","unknown_field"]],
  [{"path":"/upgradeScope/versionNumber","code":"unknown_field","hint":"`versionNumbers`","fix":mv("/upgradeScope/versionNumber","/upgradeScope/versionNumbers")}])
t='{'+UP+', "upgradeTimeOut": 600, '+SCOPE_T+'}'
text_case("upgradeTimeOut: did you mean upgradeTimeout", t, [], [["/upgradeTimeOut","unknown_field"]],
  [{"path":"/upgradeTimeOut","code":"unknown_field","hint":"`upgradeTimeout`","fix":mv("/upgradeTimeOut","/upgradeTimeout")}])
t='{'+UP+', "upgradeTimeOut": 600, "upgradeTimeout": 700, '+SCOPE_T+'}'
text_case("a near miss whose field is also given: hint, no fix", t, [], [["/upgradeTimeOut","unknown_field"]],
  [{"path":"/upgradeTimeOut","code":"unknown_field","hint":"`upgradeTimeout`","fix":None}])
t='{'+UP+', "upgradeTimeOut": 100, '+SCOPE_T+'}'
text_case("a near miss whose value would be an error there: hint, no fix", t, [], [["/upgradeTimeOut","unknown_field"]],
  [{"path":"/upgradeTimeOut","code":"unknown_field","hint":"`upgradeTimeout`","fix":None}])
t='{"type": "verify", "x": 1, "x": 2, "upgradeScope": {"type": "partial", "versionNumbers": ["1"], "deviceKeys": ["d"]}}'
text_case("a repeated unknown key is one unknown_field", t, [["/x","duplicate_key"]], [["/x","unknown_field"]], [])
# 2 misplaced
t='{'+UP+', "deviceKeys": ["d1"], "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"]}}'
text_case("deviceKeys at the root belongs in upgradeScope", t, [["/upgradeScope","missing_selector"]], [["/deviceKeys","unknown_field"]],
  [{"path":"/deviceKeys","code":"unknown_field","hint":"belongs in `upgradeScope`","fix":mv("/deviceKeys","/upgradeScope/deviceKeys")}],
  {"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":True,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d1"]}})
t='{'+UP+', "versionNumbers": ["2.0"], "upgradeScope": {"type": "total", "versionNumbers": ["1.0"]}}'
text_case("versionNumbers at the root when the scope has them: hint, no fix", t, [], [["/versionNumbers","unknown_field"]],
  [{"path":"/versionNumbers","code":"unknown_field","hint":"belongs in `upgradeScope`","fix":None}])
t='{'+UP+', "tags": {"site": ["a"]}, "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"]}}'
text_case("tags at the root belongs in upgradeScope", t, [["/upgradeScope","missing_selector"]], [["/tags","unknown_field"]],
  [{"path":"/tags","code":"unknown_field","hint":"belongs in `upgradeScope`","fix":mv("/tags","/upgradeScope/tags")}])
t='{'+UP+', "enableRetry": false, "retryPolicy": {}, '+SCOPE_T+'}'
text_case("enableRetry at the root belongs in retryPolicy", t, [], [["/enableRetry","unknown_field"]],
  [{"path":"/enableRetry","code":"unknown_field","hint":"belongs in `retryPolicy`","fix":mv("/enableRetry","/retryPolicy/enableRetry")}])
t='{'+UP+', "enableRetry": true, '+SCOPE_T+'}'
text_case("enableRetry at the root without a retryPolicy: hint, no fix", t, [], [["/enableRetry","unknown_field"]],
  [{"path":"/enableRetry","code":"unknown_field","hint":"belongs in `retryPolicy`","fix":None}])
t='{"name":{"defaultValue":"ota-job-test"},"type":"upgrade","upgradePolicy":"snapshot","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["deviceKey1"]},"startSchedule":0,"endSchedule":86399,"enableUpgradeRequest":true}'
text_case("the seed's startSchedule and endSchedule name schedulePolicy", t, [], [["/startSchedule","unknown_field"],["/endSchedule","unknown_field"]],
  [{"path":"/startSchedule","code":"unknown_field","hint":"`schedulePolicy.startTimestamp`, a 13-digit millisecond timestamp","fix":None},
   {"path":"/endSchedule","code":"unknown_field","hint":"`schedulePolicy.endTimestamp`","fix":None}])
# 3 enum values
for given in ["Snapshot","snapshop","SNAPSHOT"]:
    t='{"type":"upgrade","upgradePolicy":"'+given+'","enableUpgradeRequest":true, '+SCOPE_T+'}'
    text_case(f'upgradePolicy "{given}": did you mean "snapshot"', t, [["/upgradePolicy","invalid_value"]], [],
      [{"path":"/upgradePolicy","code":"invalid_value","hint":'did you mean "snapshot"?',"fix":rp("/upgradePolicy","snapshot")}])
t='{"type":"upgrade","upgradePolicy":"upgrade","enableUpgradeRequest":true, '+SCOPE_T+'}'
text_case('upgradePolicy "upgrade" is the job type, not a policy', t, [["/upgradePolicy","invalid_value"]], [],
  [{"path":"/upgradePolicy","code":"invalid_value","hint":"`upgrade` and `verify` are values of the job's `type`","fix":None}])
t='{"type":"upgrade","upgradePolicy":"upgrade","enableUpgradeRequest":true, '+SCOPE_T+'}'
text_case('upgradePolicy "upgrade" in Chinese', t, [["/upgradePolicy","invalid_value"]], [],
  [{"path":"/upgradePolicy","code":"invalid_value","hint":"是任务 `type` 的取值","fix":None}], options={"locale":"zh"})
t='{"type":"verify","upgradeScope": {"type": "Partial", "versionNumbers": ["1.0"], "deviceKeys": ["d"]}}'
text_case('scope type "Partial": did you mean "partial"', t, [["/upgradeScope/type","invalid_value"]], [],
  [{"path":"/upgradeScope/type","code":"invalid_value","fix":rp("/upgradeScope/type","partial")}])
# 4 timestamps
SCH=lambda s,e: '"schedulePolicy": {"startTimestamp": '+s+', "endTimestamp": '+e+'}'
t='{'+UP+', '+SCOPE_T+', '+SCH('1704150000','1704157200000')+'}'
text_case("a 10-digit start looks like seconds", t, [["/schedulePolicy/startTimestamp","invalid_timestamp"]], [],
  [{"path":"/schedulePolicy/startTimestamp","code":"invalid_timestamp","hint":"this looks like seconds: × 1000 gives 1704150000000 (2024-01-01 23:00 UTC+00:00)","fix":rp("/schedulePolicy/startTimestamp",1704150000000)}])
t='{'+UP+', '+SCOPE_T+', "schedulePolicy": {"startTimestamp": 1704150000000, "endTimestamp": 1704157200, "timezoneOffsetInMinutes": 480}}'
text_case("a 10-digit end, shown in the body's zone", t, [["/schedulePolicy/endTimestamp","invalid_timestamp"]], [],
  [{"path":"/schedulePolicy/endTimestamp","code":"invalid_timestamp","hint":"1704157200000 (2024-01-02 09:00 UTC+08:00)","fix":rp("/schedulePolicy/endTimestamp",1704157200000)}])
t='{'+UP+', '+SCOPE_T+', '+SCH('1704150000000000','1704157200000')+'}'
text_case("a 16-digit multiple of 1000 looks like microseconds", t, [["/schedulePolicy/startTimestamp","invalid_timestamp"]], [],
  [{"path":"/schedulePolicy/startTimestamp","code":"invalid_timestamp","hint":"microseconds: ÷ 1000 gives 1704150000000","fix":rp("/schedulePolicy/startTimestamp",1704150000000)}])
t='{'+UP+', '+SCOPE_T+', '+SCH('1704150000001','1704157200000000')+'}'
text_case("microseconds that would end before the start: hint, no fix", t, [["/schedulePolicy/endTimestamp","invalid_timestamp"]], [],
  [{"path":"/schedulePolicy/endTimestamp","code":"invalid_timestamp","hint":"microseconds"}])
t='{'+UP+', '+SCOPE_T+', '+SCH('1704150000123456','1704157200000')+'}'
text_case("16 digits that are not a multiple of 1000: no hint", t, [["/schedulePolicy/startTimestamp","invalid_timestamp"]], [],
  [{"path":"/schedulePolicy/startTimestamp","code":"invalid_timestamp","hint":None,"fix":None}])
# 5 strings for other types
t='{'+UP+', "upgradeTimeout": "600", '+SCOPE_T+'}'
text_case('numeric_string "600" gets the number', t, [], [["/upgradeTimeout","numeric_string"]],
  [{"path":"/upgradeTimeout","code":"numeric_string","hint":"write the number 600 without quotes","fix":rp("/upgradeTimeout",600)}])
t='{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":"true", '+SCOPE_T+'}'
text_case('"true" where a boolean is required', t, [["/enableUpgradeRequest","invalid_type"]], [],
  [{"path":"/enableUpgradeRequest","code":"invalid_type","hint":"write true without quotes","fix":rp("/enableUpgradeRequest",True)}])
t='{'+UP+', "retryPolicy": {"enableRetry": "true"}, '+SCOPE_T+'}'
text_case('"true" for enableRetry would require more fields: hint, no fix', t, [["/retryPolicy/enableRetry","invalid_type"]], [],
  [{"path":"/retryPolicy/enableRetry","code":"invalid_type","hint":"write true without quotes","fix":None}])
t='{"type":"verify","upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": "dev1"}}'
text_case('one string where a list of device keys is required', t, [["/upgradeScope/deviceKeys","invalid_type"]], [],
  [{"path":"/upgradeScope/deviceKeys","code":"invalid_type","hint":'["dev1"]',"fix":rp("/upgradeScope/deviceKeys",["dev1"])}])
t='{"type":"verify","upgradeScope": {"type": "partial", "versionNumbers": "1.0", "deviceKeys": ["d"]}}'
text_case('one string where the list of versions is required, in Chinese', t, [["/upgradeScope/versionNumbers","invalid_type"]], [],
  [{"path":"/upgradeScope/versionNumbers","code":"invalid_type","hint":'["1.0"]',"fix":rp("/upgradeScope/versionNumbers",["1.0"])}], options={"locale":"zh"})
# dates in messages
t='{'+UP+', '+SCOPE_T+', "schedulePolicy": {"isRepeatDaily": true, "startTimestamp": 1704121200000, "endTimestamp": 1704128400000, "timezoneOffsetInMinutes": 480}}'
H.append({"name":"not_same_day shows both instants in the deciding zone","text":t,"expect":{"valid":False,"errors":[["/schedulePolicy/endTimestamp","not_same_day"]],"warnings":[]},
 "issues":[{"path":"/schedulePolicy/endTimestamp","code":"not_same_day","message":"a daily window must start and end on the same day: starts 2024-01-01 23:00 and ends 2024-01-02 01:00 (UTC+08:00)"}]})
t='{'+UP+', '+SCOPE_T+', "schedulePolicy": {"startTimestamp": 1704121200000, "endTimestamp": 1704121200000}}'
H.append({"name":"end_before_start shows both instants","text":t,"expect":{"valid":False,"errors":[["/schedulePolicy/endTimestamp","end_before_start"]],"warnings":[]},
 "issues":[{"path":"/schedulePolicy/endTimestamp","code":"end_before_start","message":"must be later than startTimestamp: starts 2024-01-01 15:00 and ends 2024-01-01 15:00 (UTC+00:00)"}]})
t='{'+UP+', '+SCOPE_T+', "schedulePolicy": {"startTimestamp": 1704121200000, "endTimestamp": 1704122100000}}'
H.append({"name":"schedule_too_short shows the window, in Chinese","text":t,"options":{"locale":"zh","utcOffsetMinutes":-300},"expect":{"valid":True,"errors":[],"warnings":[["/schedulePolicy/endTimestamp","schedule_too_short"]]},
 "issues":[{"path":"/schedulePolicy/endTimestamp","code":"schedule_too_short","message":"调度窗口只有 15 分钟,EnOS 控制台要求至少 30 分钟:开始于 2024-01-01 10:00,结束于 2024-01-01 10:15(UTC-05:00)"}]})
# $schema
t='{"$schema": "https://example.com/create-ota-job.schema.json", "type": "verify", "upgradeScope": {"type": "partial", "versionNumbers": ["1"], "deviceKeys": ["d"]}}'
H.append({"name":"a root $schema string is the editor's member: no warning","text":t,"expect":{"valid":True,"errors":[],"warnings":[]}})
t='{"type": "verify", "upgradeScope": {"$schema": "x", "type": "partial", "versionNumbers": ["1"], "deviceKeys": ["d"]}}'
H.append({"name":"$schema below the root is an unknown field","text":t,"expect":{"valid":True,"errors":[],"warnings":[["/upgradeScope/$schema","unknown_field"]]}})
json.dump(H, open(OUT + '/hints.json','w'), ensure_ascii=False, indent=1)
print(len(cases), len(H))
