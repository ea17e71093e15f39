/*
 * A minimal 32-bit ARM Xen guest, used to check the ARM harness (eng/xen/selftest/selftest.py).
 * It is a zImage (what Xen's ARM domain builder loads): a branch at offset 0, the magic 0x016F2818
 * at 0x24, start 0 (position independent) at 0x28, end (= image size) at 0x2C. Xen enters it with
 * the MMU and caches off, in SVC mode, r0 = 0, r1 = 0xffffffff, r2 = the guest physical address
 * of the device tree it built. Everything here is PC-relative, so any load address works.
 *
 * It prints through the PV console ring (HVM_PARAM_CONSOLE_PFN/EVTCHN + EVTCHNOP_send), which
 * xenconsoled logs for the harness:
 *     hello from arm guest
 *     the entry registers, SCTLR, CNTFRQ, MIDR, the result of HYPERVISOR_console_io (Xen's
 *     own console; a non-debug Xen refuses it to domUs) and the console/xenstore parameters
 *     the device tree, hex encoded ("dtb: <hex>" lines), for selftest.py to decode
 * and then shuts down with SCHEDOP_shutdown: poweroff, or crash when the device tree (that is,
 * xl's extra=) contains "selftest-crash"; with "selftest-hang" it blocks forever instead.
 *
 * Hypercalls: number in r12, arguments in r0-r4, `hvc #0xEA1`, result in r0 (r1-r4, r12 may be
 * clobbered).
 */
        .syntax unified
        .arch   armv7-a
        .arch_extension virt
        .arm
        .text

        .equ    HYPERVISOR_console_io, 18
        .equ    HYPERVISOR_sched_op, 29
        .equ    HYPERVISOR_event_channel_op, 32
        .equ    HYPERVISOR_hvm_op, 34
        .equ    CONSOLEIO_write, 0
        .equ    SCHEDOP_yield, 0
        .equ    SCHEDOP_shutdown, 2
        .equ    EVTCHNOP_send, 4
        .equ    HVMOP_get_param, 1
        .equ    HVM_PARAM_STORE_PFN, 1
        .equ    HVM_PARAM_STORE_EVTCHN, 2
        .equ    HVM_PARAM_CONSOLE_PFN, 17
        .equ    HVM_PARAM_CONSOLE_EVTCHN, 18
        .equ    SHUTDOWN_poweroff, 0
        .equ    SHUTDOWN_crash, 3
        /* struct xencons_interface: in[1024], out[2048], in_cons, in_prod, out_cons, out_prod */
        .equ    CONS_OUT, 1024
        .equ    CONS_OUT_SIZE, 2048
        .equ    CONS_OUT_CONS, 3080
        .equ    CONS_OUT_PROD, 3084

        .macro  hypercall nr
        mov     r12, #\nr
        hvc     #0xEA1
        .endm

        /* print a literal string */
        .macro  print str
        adrl    r0, 9001f
        bl      puts
        .text   1                       @ strings: same section, after the code
9001:   .asciz  "\str"
        .text   0
        .endm

        /* print a literal label and the hex value of a register: " name=0x12345678" */
        .macro  printx name, reg
        mov     r0, \reg
        push    {r0}
        print   " \name=0x"
        pop     {r0}
        bl      puthex
        .endm

        .global _start
_start:
        b       entry                   @ 0x00
        .rept   8
        nop                             @ 0x04 .. 0x20
        .endr
        .word   0x016f2818              @ 0x24 zImage magic
        .word   0                       @ 0x28 start address: 0 = position independent
        .word   _end - _start           @ 0x2c end address = image size

entry:
        mov     r4, r0                  @ entry registers, kept for printing
        mov     r5, r1
        mov     r6, r2
        adr     r7, _start              @ where Xen loaded us
        mrs     r8, cpsr
        adrl    sp, stack_top

        /* 1. HYPERVISOR_console_io(CONSOLEIO_write): Xen's own console ("(d1) ..." in serial.log). */
        mov     r0, #CONSOLEIO_write
        mov     r1, #(hello_end - hello)
        adrl    r2, hello
        hypercall HYPERVISOR_console_io
        mov     r9, r0                  @ its result

        /* 2. The PV console: HVMOP_get_param(CONSOLE_PFN / CONSOLE_EVTCHN). */
        mov     r0, #HVM_PARAM_CONSOLE_PFN
        bl      get_param
        cmp     r0, #0
        bne     fail
        lsl     r1, r1, #12
        adrl    r2, cons_page
        str     r1, [r2]
        mov     r0, #HVM_PARAM_CONSOLE_EVTCHN
        bl      get_param
        cmp     r0, #0
        bne     fail
        adrl    r2, send_port
        str     r1, [r2]

        adrl    r0, hello
        bl      puts
        print   "entry:"
        printx  pc, r7
        printx  r0, r4
        printx  r1, r5
        printx  r2, r6
        printx  cpsr, r8
        mrc     p15, 0, r0, c1, c0, 0   @ SCTLR
        printx  sctlr, r0
        print   "\n"
        print   "cpu:"
        mrc     p15, 0, r0, c14, c0, 0  @ CNTFRQ
        printx  cntfrq, r0
        mrc     p15, 0, r0, c0, c0, 0   @ MIDR
        printx  midr, r0
        mrc     p15, 0, r0, c0, c0, 5   @ MPIDR
        printx  mpidr, r0
        print   "\n"
        print   "console_io:"
        printx  rc, r9
        print   "\nparams:"
        adrl    r0, cons_page
        ldr     r0, [r0]
        lsr     r0, r0, #12
        printx  console_pfn, r0
        adrl    r0, send_port
        ldr     r0, [r0]
        printx  console_evtchn, r0
        mov     r0, #HVM_PARAM_STORE_PFN
        bl      get_param
        printx  store_pfn, r1
        mov     r0, #HVM_PARAM_STORE_EVTCHN
        bl      get_param
        printx  store_evtchn, r1
        print   "\n"

        /* 3. The device tree at r2: header, then the whole blob in hex. */
        ldr     r0, [r6]
        ldr     r1, =0xedfe0dd0         @ 0xd00dfeed, big endian
        cmp     r0, r1
        bne     no_dtb
        ldr     r10, [r6, #4]
        rev     r10, r10                @ totalsize
        print   "dtb:"
        printx  addr, r6
        printx  size, r10
        print   "\n"
        mov     r11, #0                 @ offset
1:      cmp     r11, r10
        bhs     2f
        print   "dtb: "
        mov     r3, #0
3:      cmp     r11, r10
        bhs     4f
        ldrb    r0, [r6, r11]
        push    {r3}
        bl      puthex8
        pop     {r3}
        add     r11, r11, #1
        add     r3, r3, #1
        cmp     r3, #48
        blo     3b
4:      print   "\n"
        b       1b
2:      print   "dtb-end\n"

        /* 4. What to do, from the device tree (xl's extra= becomes /chosen/bootargs). */
        mov     r0, r6
        mov     r1, r10
        adrl    r2, crash_word
        mov     r3, #(crash_word_end - crash_word)
        bl      memfind
        cmp     r0, #0
        bne     crash
        mov     r0, r6
        mov     r1, r10
        adrl    r2, hang_word
        mov     r3, #(hang_word_end - hang_word)
        bl      memfind
        cmp     r0, #0
        bne     hang
        print   "bye\n"
        mov     r0, #SHUTDOWN_poweroff
        b       shutdown

no_dtb: print   "no device tree at r2\n"
crash:  print   "crashing on purpose\n"
        mov     r0, #SHUTDOWN_crash
        b       shutdown

hang:   print   "hanging on purpose\n"
        bl      drain
5:      wfi
        b       5b

fail:   mov     r0, #SHUTDOWN_crash     @ no PV console: nothing to print on
        b       shutdown1

/* shutdown(r0 = reason), after the console ring has been drained */
shutdown:
        push    {r0}
        bl      drain
        pop     {r0}
shutdown1:
        adrl    r1, shutdown_reason
        str     r0, [r1]
        mov     r0, #SCHEDOP_shutdown
        hypercall HYPERVISOR_sched_op
6:      wfi
        b       6b

/* get_param(r0 = index) -> r0 = result, r1 = value (low 32 bits) */
get_param:
        push    {r4, lr}
        adrl    r1, hvm_param
        str     r0, [r1, #4]
        mov     r0, #HVMOP_get_param
        hypercall HYPERVISOR_hvm_op
        adrl    r1, hvm_param
        ldr     r1, [r1, #8]
        pop     {r4, pc}

/* notify xenconsoled: EVTCHNOP_send(console port) */
notify:
        push    {r4, lr}
        mov     r0, #EVTCHNOP_send
        adrl    r1, send_port
        hypercall HYPERVISOR_event_channel_op
        pop     {r4, pc}

yield:
        push    {r4, lr}
        mov     r0, #SCHEDOP_yield
        mov     r1, #0
        hypercall HYPERVISOR_sched_op
        pop     {r4, pc}

/* wait until xenconsoled has consumed everything */
drain:
        push    {r4, lr}
        bl      notify
        adrl    r4, cons_page
        ldr     r4, [r4]
1:      dmb
        ldr     r0, [r4, #CONS_OUT_CONS]
        ldr     r1, [r4, #CONS_OUT_PROD]
        cmp     r0, r1
        popeq   {r4, pc}
        bl      yield
        b       1b

/* putc(r0 = character) into the console ring; notifies at a newline and when the ring is full */
putc:
        push    {r4, r5, r6, lr}
        mov     r6, r0
        adrl    r4, cons_page
        ldr     r4, [r4]
1:      dmb
        ldr     r0, [r4, #CONS_OUT_CONS]
        ldr     r1, [r4, #CONS_OUT_PROD]
        sub     r2, r1, r0
        cmp     r2, #CONS_OUT_SIZE
        blo     2f
        bl      notify
        bl      yield
        b       1b
2:      ubfx    r2, r1, #0, #11         @ out_prod % CONS_OUT_SIZE (2048)
        add     r2, r2, #CONS_OUT
        strb    r6, [r4, r2]
        dmb
        add     r1, r1, #1
        str     r1, [r4, #CONS_OUT_PROD]
        cmp     r6, #10
        bleq    notify
        pop     {r4, r5, r6, pc}

/* puts(r0 = NUL-terminated string) */
puts:
        push    {r4, lr}
        mov     r4, r0
1:      ldrb    r0, [r4], #1
        cmp     r0, #0
        popeq   {r4, pc}
        bl      putc
        b       1b

/* puthex(r0): 8 hex digits; puthex8(r0): 2 hex digits */
puthex:
        push    {r4, r5, lr}
        mov     r4, r0
        mov     r5, #28
        b       1f
puthex8:
        push    {r4, r5, lr}
        mov     r4, r0
        mov     r5, #4
1:      lsr     r0, r4, r5
        and     r0, r0, #15
        cmp     r0, #10
        addlo   r0, r0, #'0'
        addhs   r0, r0, #('a' - 10)
        bl      putc
        subs    r5, r5, #4
        bpl     1b
        pop     {r4, r5, pc}

/* memfind(r0 = buffer, r1 = length, r2 = needle, r3 = needle length) -> r0 = 1 if found */
memfind:
        push    {r4, r5, r6, lr}
        sub     r1, r1, r3              @ last start offset
        mov     r4, #0
1:      cmp     r4, r1
        bgt     4f
        mov     r5, #0
2:      cmp     r5, r3
        beq     3f
        add     r6, r4, r5
        ldrb    r6, [r0, r6]
        ldrb    r12, [r2, r5]
        cmp     r6, r12
        bne     5f
        add     r5, r5, #1
        b       2b
5:      add     r4, r4, #1
        b       1b
3:      mov     r0, #1
        pop     {r4, r5, r6, pc}
4:      mov     r0, #0
        pop     {r4, r5, r6, pc}

        .ltorg

        .text   1
hello:  .ascii  "hello from arm guest\n"
hello_end:
        .byte   0
crash_word:
        .ascii  "selftest-crash"
crash_word_end:
hang_word:
        .ascii  "selftest-hang"
hang_word_end:

        .text   2                       @ data, after the strings (the MMU is off: writable)
        .balign 8
hvm_param:                              @ struct xen_hvm_param
        .hword  0x7ff0                  @ domid = DOMID_SELF
        .hword  0
        .word   0                       @ index
        .quad   0                       @ value
send_port:                              @ struct evtchn_send
        .word   0
shutdown_reason:                        @ struct sched_shutdown
        .word   0
cons_page:
        .word   0
        .balign 16
        .space  2048
stack_top:
        .balign 4
_end:
